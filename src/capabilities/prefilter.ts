/**
 * A textual pre-filter for the capability analysis: `mayHaveHits(source) === false` proves that
 * `analyzeSource(source)` would report no hit, so the file needs no AST for its capabilities.
 *
 * Why it is complete (every hit of analyze.ts needs one of these in the text):
 *
 * - Every hit comes from (1) a reference to a watched global (`fetch`, `WebSocket`, `EventSource`,
 *   `XMLHttpRequest`, `eval`, `Function`, `process`, `setTimeout`/`setInterval` with a string,
 *   directly or as `globalThis.x` / `window["x"]`), (2) a module binding, (3) a `require`/`import()`
 *   with a computed argument, (4) a string literal (URLs, IPv4 literals, sensitive paths, `.node`
 *   specs) or (5) an obfuscation signal.
 * - (1): the name is an identifier or a string literal, so it is in the text as a whole word (see
 *   the escape rule below). A word is checked with what may follow it; anything unexpected
 *   (comments, parentheses, `?.`, quotes) counts as a hit. `process` gives a hit only through
 *   `env`, `binding`, `_linkedBinding`, `dlopen` or when the object itself escapes; `Function` only
 *   when called; `setTimeout`/`setInterval` only with a string literal as first argument.
 * - (2): a binding needs a module spec that `moduleInfo` knows, or `module` (createRequire), as a
 *   string in the text; or `createRequire` itself.
 * - (3): every `require`/`__require`/`__non_webpack_require__`/`import` word must be followed by
 *   `(` and a plain string literal, or by something that cannot start a call.
 * - (4): `://`, a dotted quad, SENSITIVE_HINT, `.node` followed by a closing quote.
 * - (5): `_0x` (hex identifiers; the `\x`/`\u00` escapes are excluded below; blobs only count
 *   next to dynamic code, which is (1) or (3)).
 *
 * Escapes: identifiers may be written with `\u` escapes and strings with `\x`, `\u`, octal escapes
 * and line continuations, which would hide a word from a text search. A file with any of these is
 * never skipped. The remaining escapes (`\n`, `\'`, `\/`, …) are removed (`\c` → `c`) before the
 * search, which keeps every token above (none contains a control character) in one piece.
 */

const RISKY_ESCAPE = /\\(?:[ux1-7\r\n\u2028\u2029]|0[0-9])/;

/** Whole words whose every occurrence needs a look at what follows. */
const WORD =
  /(?<![A-Za-z0-9_$])(?:require|__require|__non_webpack_require__|import|process|Function|setTimeout|setInterval|fetch|WebSocket|EventSource|XMLHttpRequest|eval|createRequire)(?![A-Za-z0-9_$])/g;

/** Text that gives a hit, or may, wherever it is. */
const ANYWHERE =
  /:\/\/|\d\.\d{1,3}\.\d{1,3}\.\d|_0x|\.node['"`]|\.(?:ssh|aws|kube|gnupg|npmrc|netrc|pgpass|git-credentials|env|docker|azure|config\/gcloud)|id_(?:rsa|ed25519|ecdsa|dsa)|mcp\.json|claude_desktop_config|\/etc\/(?:passwd|shadow)|wallet\.dat/i;

/** A module spec that moduleInfo() knows (see modules.ts), or `module` (createRequire). */
const KNOWN_SPEC = new RegExp(
  `['"\`](?:node:)?(?:(?:fs|fs/promises|child_process|http|https|http2|net|tls|dgram|dns|dns/promises|vm|process|module)['"\`]|(?:${[
    'graceful-fs',
    'fs-extra',
    'execa',
    'cross-spawn',
    'shelljs',
    'zx',
    'node-pty',
    '@npmcli/promise-spawn',
    'undici',
    'ws',
    'axios',
    'node-fetch',
    'got',
    'ky',
    'superagent',
    'request',
    'needle',
    'cross-fetch',
    'isomorphic-fetch',
    'make-fetch-happen',
    'minipass-fetch',
    'npm-registry-fetch',
    'eventsource',
    'socket.io-client',
    'phin',
    'bent',
    'ofetch',
    'node-fetch-native',
    'bindings',
    'node-gyp-build',
    'node-pre-gyp',
    '@mapbox/node-pre-gyp',
    'prebuild-install',
  ]
    .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})['"\`/])`,
);

const PROCESS_RISKY = new Set(['env', 'binding', '_linkedBinding', 'dlopen', 'promises', 'default']);

export function mayHaveHits(raw: string): boolean {
  if (!textMayHaveHits(raw)) return false;
  // URLs in licence headers and JSDoc links are the most common reason to look further:
  // without its comments, the file may still be provably empty
  const code = withoutComments(raw);
  return code === undefined || code.length === raw.length || textMayHaveHits(code);
}

function textMayHaveHits(raw: string): boolean {
  if (raw.includes('\\')) {
    if (RISKY_ESCAPE.test(raw)) return true;
    raw = raw.replace(/\\([\s\S])/g, '$1');
  }
  if (ANYWHERE.test(raw) || KNOWN_SPEC.test(raw)) return true;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(raw))) {
    if (!wordIsHarmless(raw, m[0], m.index + m[0].length)) return true;
  }
  return false;
}

/**
 * The source with its line and block comments replaced by a space, or undefined when that
 * cannot be done with certainty. Strings and templates (with nested `${}`) are followed exactly.
 * A `/` that starts no comment may be a division or a regular expression, which a scanner cannot
 * tell apart: the rest of that line is kept as it is, and the scan gives up if that rest could
 * open something that spans lines (a template or a block comment) or if the `/` is inside a
 * template's `${}`. A regular expression or a string never spans lines (line continuations and
 * other risky escapes make the caller look at the whole text anyway), so the next line starts in
 * code. HTML-like comments (`<!--`, `-->`) make it give up too.
 */
export function withoutComments(src: string): string | undefined {
  if (src.includes('<!--') || src.includes('-->')) return undefined;
  const parts: string[] = [];
  let from = 0; // start of the text not yet copied
  const subs: number[] = []; // per open `${`: braces opened inside it and not yet closed
  const n = src.length;
  let i = 0;
  /** At i, inside a template's text: scan to its end or to a `${`. */
  const template = (): boolean => {
    TEMPLATE_STOP.lastIndex = i;
    for (let m = TEMPLATE_STOP.exec(src); m; m = TEMPLATE_STOP.exec(src)) {
      const at = m.index;
      if (m[0] === '`') {
        i = at + 1;
        return true;
      }
      if (m[0] === '${') {
        subs.push(0);
        i = at + 2;
        return true;
      }
      TEMPLATE_STOP.lastIndex = at + 2; // a backslash and what it escapes
    }
    return false;
  };
  while (i < n) {
    const stop = subs.length > 0 ? CODE_STOP_IN_SUB : CODE_STOP;
    stop.lastIndex = i;
    const m = stop.exec(src);
    if (!m) break;
    const at = m.index;
    const c = src.charCodeAt(at);
    if (c === 39 || c === 34) {
      // a string: to the same quote, on this line
      const re = c === 39 ? SINGLE_STOP : DOUBLE_STOP;
      re.lastIndex = at + 1;
      let end = -1;
      for (let q = re.exec(src); q; q = re.exec(src)) {
        const ch = q[0].charCodeAt(0);
        if (ch === 92) re.lastIndex = q.index + 2;
        else if (ch === c) {
          end = q.index;
          break;
        } else return undefined; // a line break
      }
      if (end < 0) return undefined;
      i = end + 1;
    } else if (c === 96) {
      i = at + 1;
      if (!template()) return undefined;
    } else if (c === 123) {
      subs[subs.length - 1]!++;
      i = at + 1;
    } else if (c === 125) {
      i = at + 1;
      if (subs[subs.length - 1]! > 0) subs[subs.length - 1]!--;
      else {
        subs.pop();
        if (!template()) return undefined;
      }
    } else {
      // a slash
      const d = src.charCodeAt(at + 1);
      if (d === 47 || d === 42) {
        let end: number;
        if (d === 47) {
          LINE_END.lastIndex = at + 2;
          end = LINE_END.exec(src)?.index ?? n;
        } else {
          const close = src.indexOf('*/', at + 2);
          if (close < 0) return undefined;
          end = close + 2;
        }
        parts.push(src.slice(from, at), ' ');
        from = end;
        i = end;
      } else {
        // division or regular expression: keep the rest of the line
        if (subs.length > 0) return undefined;
        LINE_END.lastIndex = at + 1;
        const end = LINE_END.exec(src)?.index ?? n;
        const rest = src.slice(at + 1, end);
        if (rest.includes('`') || rest.includes('/*')) return undefined;
        i = end;
      }
    }
  }
  if (subs.length > 0) return undefined;
  if (from === 0) return src;
  parts.push(src.slice(from));
  return parts.join('');
}

const CODE_STOP = /['"`/]/g;
const CODE_STOP_IN_SUB = /['"`/{}]/g;
const TEMPLATE_STOP = /`|\$\{|\\/g;
const SINGLE_STOP = /['\\\n\r]/g;
const DOUBLE_STOP = /["\\\n\r]/g;
const LINE_END = /[\n\r\u2028\u2029]/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Characters after which a word cannot be a callee or the start of a member chain that matters. */
const INERT_AFTER = new Set([',', ';', '=', '!', ':', '}', ']', '&', '|']);

function wordIsHarmless(s: string, word: string, end: number): boolean {
  const i = skipSpace(s, end);
  const c = s[i];
  switch (word) {
    case 'require':
    case '__require':
    case '__non_webpack_require__':
    case 'import':
      if (c === '(') return plainStringArgument(s, i + 1);
      return (
        c === '.' || (c !== undefined && INERT_AFTER.has(c)) || (word === 'import' && isImportDeclaration(c))
      );
    case 'process': {
      if (c !== '.') return false;
      const j = skipSpace(s, i + 1);
      const name = /^[A-Za-z0-9_$]*/.exec(s.slice(j, j + 40))?.[0] ?? '';
      return name !== '' && !PROCESS_RISKY.has(name);
    }
    case 'Function':
      return c === '.' || (c !== undefined && INERT_AFTER.has(c));
    case 'setTimeout':
    case 'setInterval': {
      if (c !== '(') return c === '.' || (c !== undefined && INERT_AFTER.has(c));
      // the first argument, after any parentheses, must not start like a string literal
      let j = i + 1;
      for (;;) {
        j = skipSpace(s, j);
        if (s[j] === '(') j++;
        else break;
      }
      const a = s[j];
      return a !== undefined && a !== '"' && a !== "'" && a !== '`' && a !== '/';
    }
    default:
      return false;
  }
}

/** `import x from …`, `import {…}`, `import * as`, `import "…"` (a declaration, not a call). */
function isImportDeclaration(c: string | undefined): boolean {
  return c !== undefined && (/[A-Za-z_${*]/.test(c) || c === '"' || c === "'");
}

/** At `i` (after `(`): a string literal without escapes or substitutions, then `)` or `,`. */
function plainStringArgument(s: string, i: number): boolean {
  const j = skipSpace(s, i);
  const q = s[j];
  if (q !== '"' && q !== "'" && q !== '`') return false;
  let k = j + 1;
  for (; k < s.length; k++) {
    const ch = s[k];
    if (ch === q) break;
    if (ch === '\n' || ch === '\r' || (q === '`' && ch === '$')) return false;
  }
  if (k >= s.length) return false;
  const after = s[skipSpace(s, k + 1)];
  return after === ')' || after === ',';
}
