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

import {
  escapedLetters,
  lineAt,
  lineStartsOf,
  OBFUSCATION,
  SENSITIVE_HINT,
  stringValueHits,
} from './analyze.js';
import type { Hit } from './types.js';

const RISKY_ESCAPE = /\\(?:[ux1-7\r\n\u2028\u2029]|0[0-9])/;

/** Whole words whose every occurrence needs a look at what follows. */
const WORDS = [
  'require',
  '__require',
  '__non_webpack_require__',
  'import',
  'process',
  'Function',
  'setTimeout',
  'setInterval',
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'eval',
  'createRequire',
];
const WORD = new RegExp(`(?<![A-Za-z0-9_$])(?:${WORDS.join('|')})(?![A-Za-z0-9_$])`, 'g');

/** Text that gives a hit, or may, wherever it is. */
const ANYWHERE = new RegExp(
  String.raw`:\/\/|\d\.\d{1,3}\.\d{1,3}\.\d|_0x|\.node['"\x60]|${SENSITIVE_HINT.source}`,
  'i',
);

/** Module specs that moduleInfo() knows (see modules.ts), and `module` (createRequire). */
const BUILTIN_SPECS = [
  'fs',
  'fs/promises',
  'child_process',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'dns/promises',
  'vm',
  'process',
  'module',
];
/** Libraries moduleInfo() knows, with their subpaths. */
const LIBRARY_SPECS = [
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
];
const escapeRe = (x: string): string => x.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BUILTINS_RE = BUILTIN_SPECS.map(escapeRe).join('|');
const LIBRARIES_RE = LIBRARY_SPECS.map(escapeRe).join('|');

/** A known module spec in quotes, anywhere in the text. */
const KNOWN_SPEC = new RegExp(`['"\`](?:node:)?(?:(?:${BUILTINS_RE})['"\`]|(?:${LIBRARIES_RE})['"\`/])`);

const PROCESS_RISKY = new Set(['env', 'binding', '_linkedBinding', 'dlopen', 'promises', 'default']);

export function mayHaveHits(raw: string): boolean {
  return prefilter(raw).verdict !== 'none';
}

export type Prefiltered =
  | { verdict: 'none' }
  /** Only string values can give hits, and these are all of them (as analyzeSource would report). */
  | { verdict: 'strings'; hits: Hit[] }
  | { verdict: 'parse' };

const NONE: Prefiltered = { verdict: 'none' };
const PARSE: Prefiltered = { verdict: 'parse' };

/**
 * What a file needs: nothing (it provably gives no hit), its string values only (the only hits it
 * can give are URLs, IPs and sensitive paths in strings: returned here, no parser needed), or the
 * full analysis.
 */
export function prefilter(raw: string): Prefiltered {
  // the whole text first: most files are proved empty here, at the cost of a few regex scans
  if (!textMayHaveHits(raw)) return NONE;
  // then a closer look, token by token: URLs in comments, words in prose strings, `typeof process`
  const view = scanSource(raw);
  if (view === undefined) return PARSE;
  const verdict = viewVerdict(raw, view);
  if (verdict !== 'strings') return verdict === 'none' ? NONE : PARSE;
  const hits: Hit[] = [];
  let lines: number[] | undefined;
  view.values.forEach((value, i) => {
    for (const h of stringValueHits(value)) {
      lines ??= lineStartsOf(raw);
      hits.push({ ...h, line: lineAt(lines, view.starts[i] as number) });
    }
  });
  return { verdict: 'strings', hits };
}

function textMayHaveHits(raw: string): boolean {
  const text = unescaped(raw);
  if (text === undefined || ANYWHERE.test(text) || KNOWN_SPEC.test(text)) return true;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    if (!wordIsHarmless(text, m[0], m.index + m[0].length)) return true;
  }
  return false;
}

/** `text` without its harmless escapes (`\c` → `c`), or undefined when an escape could hide a word. */
function unescaped(text: string): string | undefined {
  if (!text.includes('\\')) return text;
  if (RISKY_ESCAPE.test(text)) return undefined;
  return text.replace(/\\([\s\S])/g, '$1');
}

// ---------------------------------------------------------------------------------------------
// the closer look

/**
 * A file as the analysis sees it, from a scan that follows the lexical grammar (not a parser):
 *
 * - `code`: the source with comments replaced by a space, regular expression literals by `/0/`,
 *   and string and template literals emptied (`''`, `` `${…}` ``), except a string whose value
 *   could be a module spec or a name (`'fs'`, `"fetch"`, `'node:child_process'`), which stays as
 *   written, in its place;
 * - `strings`: the value of every string literal and template chunk, escapes decoded (what
 *   `Literal.value` and `TemplateElement.cooked` hold);
 * - `raw`: the text after a `/` that the scan could not tell a division from a regular expression
 *   (after `}`, `++`, `yield`, …): the rest of that line stays in `code` as it is, followed by
 *   RAW_END, and is also searched like the whole text is in the first pass.
 *
 * undefined when the scan cannot be sure of the structure (an identifier written with escapes, a
 * string or regular expression left open at the end of a line, a template or a block comment in
 * text it could not read, HTML-like comments): the caller then analyses the file.
 */
interface SourceView {
  code: string;
  /** the values in `values`, one per line, for searching them all at once */
  strings: string;
  raw: string[];
  /** every string literal's value and template chunk's cooked value, with where it starts */
  values: string[];
  starts: number[];
  /** a template chunk with an escape that has no cooked value (only legal in a tagged template) */
  uncooked: boolean;
}

/** Follows text that was kept without being read; nothing around it is taken as context. */
const RAW_END = '\u0001';

/** What a `/` means at this point: a regular expression, a division, or unknown. */
const enum Slash {
  Regex,
  Divide,
  Unknown,
}

/** Words after which a `/` starts a regular expression. */
const REGEX_AFTER = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'extends',
]);
/** Words that may be keywords or plain names: a `/` after them is unknown. */
const UNKNOWN_AFTER = new Set(['of', 'yield', 'await', 'async', 'let', 'static', 'get', 'set']);
/** `(` after these: a `/` after the matching `)` starts a regular expression. */
const CONTROL = new Set(['if', 'while', 'for', 'with']);

/**
 * String values kept in `code`: a watched word (`window['fetch']`) or a known module spec (after
 * `require(`, `from`); every other string is emptied, its value searched in `strings` only.
 */
const KEPT_VALUE = new RegExp(
  `^(?:${WORDS.join('|')}|(?:node:)?(?:${BUILTINS_RE})|(?:node:)?(?:${LIBRARIES_RE})(?:/.*)?)$`,
);

function isIdentPart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 36 ||
    (c >= 0x80 && !isOtherSpace(c))
  );
}

/** Spaces and line breaks beyond ASCII (not identifier characters). */
function isOtherSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function scanSource(src: string): SourceView | undefined {
  if (src.includes('<!--') || src.includes('-->')) return undefined;
  const n = src.length;
  const out: string[] = [];
  const strings: string[] = [];
  const starts: number[] = [];
  let uncooked = false;
  const raw: string[] = [];
  let from = 0; // start of the code not yet copied to `out`
  const parens: number[] = []; // per open `(`: its position, and opaqueEnd then
  let closeAt = -1; // the last `)`, its `(` and opaqueEnd when that was read
  let closeOpen = -1;
  let closeOpaque = -2;
  let regexEnd = -1; // the end of the last regular expression literal
  /** the end of the last comment or unread text: a look back that reaches it learns nothing */
  let opaqueEnd = -1;
  const subs: number[] = []; // per open `${`: braces opened inside it and not yet closed
  let i = 0;
  if (src.startsWith('#!')) {
    LINE_END.lastIndex = 0;
    i = LINE_END.exec(src)?.index ?? n;
    out.push(' ');
    from = i;
  }

  /** A template's text from `i` (after `` ` `` or `}`) to its end or to `${`. */
  const chunk = (first: boolean): boolean => {
    TEMPLATE_TEXT.lastIndex = i;
    TEMPLATE_TEXT.exec(src);
    const end = TEMPLATE_TEXT.lastIndex;
    const text = src.slice(i, end);
    let value = text;
    if (text.includes('\\')) {
      value = decode(text);
      if (UNCOOKED.test(text)) uncooked = true;
    }
    strings.push(value);
    starts.push(i);
    if (src.charCodeAt(end) === 96) {
      out.push(first && KEPT_VALUE.test(value) ? `${value}\`` : '`');
      i = end + 1;
    } else if (src.charCodeAt(end) === 36) {
      out.push('${');
      subs.push(0);
      i = end + 2;
    } else return false;
    from = i;
    return true;
  };

  /** What a `/` at `at` means, from the token before it. */
  const slashAt = (at: number): Slash => {
    const j = skipBack(src, at - 1);
    if (j < opaqueEnd) return Slash.Unknown;
    if (j < 0) return Slash.Regex;
    const c = src.charCodeAt(j);
    if (isIdentPart(c)) {
      const w = wordBefore(src, j);
      const k = skipBack(src, j - w.length);
      if (k < opaqueEnd) return Slash.Unknown;
      const b = src.charCodeAt(k);
      if (b === 46 || b === 35) return Slash.Divide; // a property or private name
      return REGEX_AFTER.has(w) ? Slash.Regex : UNKNOWN_AFTER.has(w) ? Slash.Unknown : Slash.Divide;
    }
    switch (c) {
      case 41: // )
        return j === closeAt && closeOpen >= 0 ? afterParens(closeOpen, closeOpaque) : Slash.Unknown;
      case 93: // ]
      case 39: // '
      case 34: // "
      case 96: // `
        return Slash.Divide;
      case 47: // /
        return j === regexEnd ? Slash.Divide : Slash.Unknown;
      case 125: // }
      case 46: // .
        return Slash.Unknown;
      case 43: // +
      case 45: // -
        return src.charCodeAt(j - 1) === c ? Slash.Unknown : Slash.Regex;
      default:
        return Slash.Regex;
    }
  };

  /** What a `/` after the `)` of the `(` at `open` means: `if (…) /re/` but `f(…) / 2`. */
  const afterParens = (open: number, opaque: number): Slash => {
    const j = skipBack(src, open - 1);
    const w = wordBefore(src, j);
    const k = skipBack(src, j - w.length);
    if (j < opaque || k < opaque) return Slash.Unknown;
    if (src.charCodeAt(k) === 46) return Slash.Divide; // a method call: `x.if(…)`
    return CONTROL.has(w) ? Slash.Regex : UNKNOWN_AFTER.has(w) ? Slash.Unknown : Slash.Divide;
  };

  while (i < n) {
    const stop = subs.length > 0 ? STOP_IN_SUB : STOP;
    stop.lastIndex = i;
    const m = stop.exec(src);
    if (!m) break;
    const at = m.index;
    const c = src.charCodeAt(at);
    switch (c) {
      case 39: // '
      case 34: {
        // "
        const body = c === 39 ? SINGLE_BODY : DOUBLE_BODY;
        body.lastIndex = at + 1;
        body.exec(src);
        const end = body.lastIndex;
        if (src.charCodeAt(end) !== c) return undefined; // left open at the end of a line
        const text = src.slice(at + 1, end);
        const value = text.includes('\\') ? decode(text) : text;
        strings.push(value);
        starts.push(at);
        const q = c === 39 ? "'" : '"';
        out.push(src.slice(from, at), KEPT_VALUE.test(value) ? q + value + q : q + q);
        i = end + 1;
        from = i;
        continue;
      }
      case 96: // `
        out.push(src.slice(from, at), '`');
        i = at + 1;
        if (!chunk(true)) return undefined;
        continue;
      case 40: // (
        // what a `/` after the matching `)` means is worked out only if one comes (rare)
        parens.push(at, opaqueEnd);
        i = at + 1;
        continue;
      case 41: // )
        closeAt = at;
        closeOpaque = parens.pop() ?? -2;
        closeOpen = parens.pop() ?? -1;
        i = at + 1;
        continue;
      case 123: // {
        subs[subs.length - 1]!++;
        i = at + 1;
        continue;
      case 125: // }
        if (subs[subs.length - 1]! > 0) {
          subs[subs.length - 1]!--;
          i = at + 1;
          continue;
        }
        // the end of a substitution: back in the template's text
        subs.pop();
        out.push(src.slice(from, at), '}');
        i = at + 1;
        if (!chunk(false)) return undefined;
        continue;
      case 92: // \ outside a string: an escaped identifier
        return undefined;
      default: {
        // /
        const d = src.charCodeAt(at + 1);
        if (d === 47) {
          out.push(src.slice(from, at), ' ');
          LINE_END.lastIndex = at + 2;
          i = LINE_END.exec(src)?.index ?? n;
          from = i;
          opaqueEnd = i;
          continue;
        }
        if (d === 42) {
          const close = src.indexOf('*/', at + 2);
          if (close < 0) return undefined;
          // a comment with a line break is one for automatic semicolon insertion
          LINE_END.lastIndex = at + 2;
          const br = LINE_END.exec(src);
          out.push(src.slice(from, at), br && br.index < close ? '\n' : ' ');
          i = close + 2;
          from = i;
          opaqueEnd = i;
          continue;
        }
        const slash = slashAt(at);
        if (slash === Slash.Divide) {
          i = at + 1;
          continue;
        }
        if (slash === Slash.Regex) {
          // a regular expression literal: the analysis never reads its text
          REGEX_BODY.lastIndex = at + 1;
          REGEX_BODY.exec(src);
          const end = REGEX_BODY.lastIndex;
          if (src.charCodeAt(end) !== 47) return undefined;
          out.push(src.slice(from, at), '/0/');
          REGEX_FLAGS.lastIndex = end + 1;
          REGEX_FLAGS.exec(src);
          i = REGEX_FLAGS.lastIndex;
          regexEnd = i - 1;
          if (regexEnd !== end) regexEnd = -1; // flags: the token before a `/` is a word
          from = i;
          continue;
        }
        // unknown: keep the rest of the line as it is, unread
        if (subs.length > 0) return undefined;
        LINE_END.lastIndex = at;
        const end = LINE_END.exec(src)?.index ?? n;
        const rest = src.slice(at, end);
        if (rest.includes('`') || rest.includes('/*')) return undefined;
        raw.push(rest);
        out.push(src.slice(from, end), RAW_END);
        i = end;
        from = i;
        opaqueEnd = i;
        continue;
      }
    }
  }
  if (subs.length > 0) return undefined;
  out.push(src.slice(from));
  return { code: out.join(''), strings: strings.join('\n'), raw, values: strings, starts, uncooked };
}

const STOP = /['"`/()\\]/g;
const STOP_IN_SUB = /['"`/(){}\\]/g;
const LINE_END = /[\n\r\u2028\u2029]/g;
const SINGLE_BODY = /(?:[^'\\\n\r]|\\(?:\r\n|[\s\S]))*/y;
const DOUBLE_BODY = /(?:[^"\\\n\r]|\\(?:\r\n|[\s\S]))*/y;
const TEMPLATE_TEXT = /(?:[^`\\$]|\\[\s\S]|\$(?!\{))*/y;
const REGEX_BODY =
  /(?:[^\\/[\n\r\u2028\u2029]|\\[^\n\r\u2028\u2029]|\[(?:[^\]\\\n\r\u2028\u2029]|\\[^\n\r\u2028\u2029])*\])*/y;
const REGEX_FLAGS = /[A-Za-z]*/y;

/** An escape a template literal cannot cook (`\x` without two hex digits, `\u` without a code point, octal). */
const UNCOOKED = /\\(?:x(?![0-9a-fA-F]{2})|u(?![0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})|[1-9]|0[0-9])/;

/** The value of a string literal's text (or a template chunk's cooked value). */
function decode(text: string): string {
  return text.replace(
    /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\}|([0-7]{1,3})|(\r\n|[\r\n\u2028\u2029])|([\s\S]))/g,
    (_m, x?: string, u?: string, cp?: string, oct?: string, lb?: string, other?: string) => {
      if (x ?? u) return String.fromCharCode(parseInt((x ?? u) as string, 16));
      if (cp) {
        const v = parseInt(cp, 16);
        return v <= 0x10ffff ? String.fromCodePoint(v) : '';
      }
      if (oct) {
        // legacy octal: at most 0o377, so a third digit only after 0-3
        const v = parseInt(oct, 8);
        if (v <= 0o377) return String.fromCharCode(v);
        return String.fromCharCode(parseInt(oct.slice(0, 2), 8)) + oct.slice(2);
      }
      if (lb) return '';
      switch (other) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'b':
          return '\b';
        case 'f':
          return '\f';
        case 'v':
          return '\v';
        default:
          return other ?? '';
      }
    },
  );
}

/** A string value ending in `.node`: a native addon spec. */
const NATIVE_SPEC = /\.node(?:\n|$)/i;

/** In string values: a URL the analysis would report, an IPv4 address, a sensitive path, a `.node` spec. */
const IN_STRINGS = new RegExp(
  [
    // `http://[` without an IPv6 address after it has no host (`http://[${addr}]`)
    String.raw`(?:https?|wss?|ftp):\/\/(?:[^\s"'\x60<>\\{}|^[]|\[[0-9a-fA-F:])`,
    String.raw`(?:^|\n)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d{1,5})?(?:\n|$)`,
    NATIVE_SPEC.source,
    SENSITIVE_HINT.source,
  ].join('|'),
  'i',
);
const HEX_ID = /_0x/i;
const KNOWN_SPEC_ALL = new RegExp(KNOWN_SPEC.source, 'g');
/** The words before a string that can make it a module spec the analysis binds. */
const SPEC_CALLERS = new Set(['require', '__require', '__non_webpack_require__', 'import', 'from']);

/**
 * What the closer look concludes. 'strings': only string values can give hits (URLs, IPs,
 * sensitive paths); every other kind of hit was ruled out as for 'none'. 'parse': anything else.
 */
function viewVerdict(src: string, view: SourceView): 'none' | 'strings' | 'parse' {
  const { code } = view;
  for (const r of view.raw) if (textMayHaveHitsIn(r)) return 'parse';
  if (HEX_ID.test(code)) return 'parse';
  if (escapedLetters(src) >= OBFUSCATION.escapedLetters) return 'parse';
  // a known module spec matters only as the argument of require()/import() or after `from`/`import`
  KNOWN_SPEC_ALL.lastIndex = 0;
  for (let m = KNOWN_SPEC_ALL.exec(code); m; m = KNOWN_SPEC_ALL.exec(code)) {
    const j = skipBack(code, m.index - 1, true);
    if (SPEC_CALLERS.has(wordBefore(code, j))) return 'parse';
    KNOWN_SPEC_ALL.lastIndex = m.index + 1;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(code); m; m = WORD.exec(code)) {
    const end = m.index + m[0].length;
    if (!inertByContext(code, m[0], m.index, end) && !wordIsHarmless(code, m[0], end)) return 'parse';
  }
  if (!IN_STRINGS.test(view.strings)) return 'none';
  // a `.node` spec is found by the parser's import/export handling; an uncooked chunk has no value
  return NATIVE_SPEC.test(view.strings) || view.uncooked ? 'parse' : 'strings';
}

/** The first pass's search (without the words: those are read in `code`), over text kept unread. */
function textMayHaveHitsIn(raw: string): boolean {
  const text = unescaped(raw);
  return text === undefined || ANYWHERE.test(text) || KNOWN_SPEC.test(text);
}

/** Names whose properties are globals (`window.fetch`), and `module.require`. */
const GLOBALISH = new Set(['globalThis', 'global', 'window', 'self', 'module']);
const ANY_QUOTE = new Set([39, 34, 96]);

/**
 * What comes before a word in `code` proves it is no reference the analysis would report:
 *
 * - `#word`: a private name;
 * - `x.word`, `x?.word`, `'…'.word`, `a[0].word`: a property name, unless `x` is `globalThis`,
 *   `global`, `window`, `self` (whose properties are globals) or `module` (`module.require`);
 * - `'word'`: inside a string (a word can only follow a quote there), unless the string is a
 *   computed property (`window['fetch']`);
 * - `typeof word` not followed by a property, a call or a template: `typeof` reads no capability.
 */
function inertByContext(code: string, word: string, start: number, end: number): boolean {
  const before = code.charCodeAt(start - 1);
  if (before === 35) return true;
  if (ANY_QUOTE.has(before)) {
    const j = skipBack(code, start - 2, true);
    return code.charCodeAt(j) !== 91;
  }
  const j = skipBack(code, start - 1);
  const c = code.charCodeAt(j);
  if (c === 46) {
    let k = j - 1;
    if (code.charCodeAt(k) === 63) k--;
    else if (code.charCodeAt(k) === 46) return false; // `...word` (spread) or `1..word`
    k = skipBack(code, k);
    const b = code.charCodeAt(k);
    if (b === 93 || ANY_QUOTE.has(b)) return true;
    if (k >= 0 && isIdentPart(b)) return !GLOBALISH.has(wordBefore(code, k));
    return false;
  }
  const prev = wordBefore(code, j);
  // `function fetch(`, `class WebSocket`: a declaration, not a reference
  if (prev === 'function' || prev === 'class') return true;
  if (definesMethod(code, end)) return true;
  if (prev === 'typeof') {
    const i = skipSpace(code, end);
    const a = code.charCodeAt(i);
    return !(a === 46 || a === 91 || a === 40 || a === 96 || a === 63);
  }
  if (word === 'Function' || word === 'process') return inertOperand(code, word, j, end);
  return false;
}

/**
 * `Function` is reported only when called (`Function(…)`, `new Function`); `process` only through
 * its members or when it is assigned (`const p = process`). Here: neither, from what follows.
 */
function inertOperand(code: string, word: string, j: number, end: number): boolean {
  if (word === 'Function') {
    if (afterNew(code, j + 1)) return false;
    let i = end;
    while (i < code.length && (isSpace(code.charCodeAt(i)) || code.charCodeAt(i) === 41)) i++;
    const a = code.charCodeAt(i);
    return a !== 40 && a !== 63 && i < code.length;
  }
  // process: compared, tested, or one side of && || ??; never assigned from there
  const i = skipSpace(code, end);
  const a = code.charCodeAt(i);
  const b = code.charCodeAt(i + 1);
  if (a === 61 || a === 33) return b === 61; // == === != !==
  if (a === 63) return b !== 46; // `process ? a : b`, `process ?? x`
  if (a === 38) return b === 38;
  if (a === 124) return b === 124;
  return a === 58; // `c ? process : x`, `case process:`
}

/** How far a look ahead goes before it answers "maybe a hit" (hostile input stays linear). */
const SCAN_LIMIT = 4096;

/**
 * `word(…) {` on one line: a method (or function) named like the word, not a call, which would
 * need a line break (or a `;`) before the `{`. Parentheses are counted in `code`, where strings,
 * templates' text, regular expressions and comments hold none; text kept unread ends the search.
 */
function definesMethod(code: string, end: number): boolean {
  let i = skipSpace(code, end);
  if (code.charCodeAt(i) !== 40) return false;
  let depth = 0;
  // parameters are short; a longer search would make hostile input quadratic
  const limit = Math.min(code.length, i + SCAN_LIMIT);
  for (; i < limit; i++) {
    const c = code.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) break;
    else if (c === 1) return false;
  }
  if (i >= limit) return false;
  for (i++; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
  }
  return code.charCodeAt(i) === 123;
}

/** `new` (or text kept unread) comes before `start`, past spaces and parentheses. */
function afterNew(code: string, start: number): boolean {
  const k = skipBack(code, start - 1, true);
  return code.charCodeAt(k) === 1 || wordBefore(code, k) === 'new';
}

/** The identifier that ends at `j` (inclusive), or ''. */
function wordBefore(code: string, j: number): string {
  let s = j;
  while (s >= 0 && isIdentPart(code.charCodeAt(s))) s--;
  return code.slice(s + 1, j + 1);
}

/** JavaScript white space and line terminators. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || isOtherSpace(c);
}

/** From `j` backwards past white space (and `(` when `parens`): the index of what comes before. */
function skipBack(s: string, j: number, parens = false): number {
  while (j >= 0 && (isSpace(s.charCodeAt(j)) || (parens && s.charCodeAt(j) === 40))) j--;
  return j;
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
      // process.x, process?.x
      let dot = i;
      if (c === '?' && s[i + 1] === '.' && s[i + 2] !== '[' && s[i + 2] !== '(') dot = i + 1;
      else if (c !== '.') return false;
      const j = skipSpace(s, dot + 1);
      const name = /^[A-Za-z0-9_$]*/.exec(s.slice(j, j + 40))?.[0] ?? '';
      return name !== '' && !PROCESS_RISKY.has(name);
    }
    case 'Function':
      // `new Function` needs no parentheses
      return !afterNew(s, end - word.length) && (c === '.' || (c !== undefined && INERT_AFTER.has(c)));
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
  const limit = Math.min(s.length, k + SCAN_LIMIT);
  for (; k < limit; k++) {
    const ch = s[k];
    if (ch === q) break;
    if (ch === '\n' || ch === '\r' || (q === '`' && ch === '$')) return false;
  }
  if (k >= limit) return false;
  const after = s[skipSpace(s, k + 1)];
  return after === ')' || after === ',';
}
