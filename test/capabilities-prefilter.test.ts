/**
 * The textual pre-filter (src/capabilities/prefilter.ts) may only skip files that analyzeSource
 * would find nothing in. Every evasion below has hits and must not be skipped; plain helpers must
 * be skipped (or the filter is useless); and over every committed JavaScript fixture, a skipped
 * file never has hits.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../src/capabilities/analyze.js';
import { mayHaveHits, prefilter } from '../src/capabilities/prefilter.js';

const MUST_ANALYSE: Array<[string, string]> = [
  ['hex escape in a global name', `globalThis["\\x66etch"](u);`],
  ['unicode escape in an identifier', `\\u0065val(x);`],
  ['unicode escape in a string', `window["\\u0066etch"](u);`],
  ['line continuation in a string', `globalThis["fe\\\ntch"](u);`],
  ['octal escape in a URL', `const u = "\\150ttps://collect.example.net/x";`],
  ['identity escapes in a URL', `const u = "https:\\/\\/collect.example.net/x";`],
  ['module["require"]', `module["require"](name);`],
  ['parenthesised require', `(require)(name);`],
  ['optional-call require', `require?.(name);`],
  ['comment before the argument', `require(/* x */ name);`],
  ['require on the next line', `require\n(name);`],
  ['computed require', `require('f' + 's');`],
  ['computed import()', `import(name);`],
  ['__require shim', `__require(name);`],
  [
    'createRequire',
    `import { createRequire } from 'module';\nconst r = createRequire(import.meta.url);\nr(x);`,
  ],
  ['setTimeout with a parenthesised string', `setTimeout(("alert(1)"), 1);`],
  ['setTimeout with a comment', `setTimeout(/* c */ "alert(1)", 1);`],
  ['parenthesised setTimeout', `(setTimeout)("alert(1)");`],
  ['new Function', `new Function("return 1");`],
  ['parenthesised Function', `(Function)("return 1")();`],
  ['Function optional call', `Function?.("return 1");`],
  ['process.env', `const h = process.env.HOME;`],
  ['process["env"]', `const h = process["env"].HOME;`],
  ['process with spaces', `const h = process . env . HOME;`],
  ['process aliased', `const p = process; p.env.X;`],
  ['process.binding', `process.binding('spawn_sync');`],
  ['globalThis.fetch', `globalThis.fetch(u);`],
  ['window["fetch"]', `window['fetch'](u);`],
  ['fetch', `fetch(u);`],
  ['new WebSocket', `new WebSocket(u);`],
  ['eval', `eval(code);`],
  ['URL', `const u = "https://collect.example.net/x";`],
  ['URL in a template', 'const u = `wss://collect.example.net/${x}`;'],
  ['IPv4 literal', `const ip = "203.0.113.9";`],
  ['sensitive path', `const p = "~/.ssh/id_rsa";`],
  ['native addon', `require('./build/Release/addon.node');`],
  ['native addon import()', `const a = await import("./addon.node");`],
  ['fs import', `import fs from 'node:fs'; fs.readFileSync(p);`],
  ['fs/promises require', `require("fs/promises").readFile(p);`],
  ['library subpath', `require('axios/dist/node/axios.cjs').get(u);`],
  ['scoped library', `require('@npmcli/promise-spawn')('x');`],
  // comments are removed before a second look: only real comments may go
  ['URL in a string that looks like a comment', `const s = "see // https://collect.example.net/x";`],
  ['URL in a template line that looks like a comment', 'const t = `\n// https://collect.example.net/x\n`;'],
  ['after a substitution', 'const t = `${a}\n// https://collect.example.net/x\n`;'],
  ['after braces in a substitution', 'const t = `${ {a: 1}.a }\n// https://collect.example.net/x`;'],
  ['template after a regular expression', 'x = /a/; y = `\n// https://collect.example.net/x\n`;'],
  ['block comment after a division', `x = a / b; /* a\n*/ fetch(u);`],
  ['code after a block comment that holds //', `/*\n// */ fetch(u);`],
  ['code between line comments that hold /* */', `// /*\nfetch(u);\n// */`],
  ['a string that holds /*', `const s = "/*"; fetch(u); const t = "*/";`],
  ['a regular expression with a quote', `const r = /'/; const u = 'https://collect.example.net/x';`],
  ['HTML-like comment', `x = 1 <!-- /*\nfetch(u);\n// */`],
  // the token-level look: what a `/` means, words in strings, what surrounds a word
  [
    'regex after a comment after return',
    `function f(s) {\n  return // c\n  /"/.test(s) + process.env.X + "x";\n}`,
  ],
  ['regex after a commented control paren', `if /* c */ (a) /"/.test(s) + process.env.X + "x";`],
  ['division after x++ then a comment', `x++ / 2 // return\n/ process.env.X / 1;`],
  [
    'regex after for await',
    `async function f(y) { for await (const x of y) /"/.test(x) + process.env.B + "x"; }`,
  ],
  ['a call, then a block on the next line', `fetch(u)\n{ x = 1; }`],
  ['a call, then a comment with a line break, then a block', `fetch(u) /*\n*/ { x = 1; }`],
  ['a call inside a condition', `if (fetch(u)) { x = 1; }`],
  ['process?.env', `const e = process?.env;`],
  ['new Function without parentheses', `const F = new Function;`],
  ['new Function across unread text', `x++ / 2;\ny = new\nFunction;`],
  ['spread of fetch', `f(...fetch);`],
  ['parenthesised global object', `(window).fetch(u);`],
  ['optional global object', `window?.fetch(u);`],
  ['computed global in parentheses', `globalThis[('process')].env.X;`],
  ['process in parentheses', `const p = (process); p.env.X;`],
  ['process?.env', `const h = process?.env.HOME;`],
  ['typeof then a member', `const t = typeof process.env.X;`],
  ['parenthesised spec', `require(('child_process')).exec(c);`],
  ['import() spec', `import('node:fs').then((fs) => fs.readFileSync(p));`],
  ['a prose string before a real call', `const s = 'fetch() returned nothing'; fetch(u);`],
  ['escaped spec', `require('\\u0066s').readFileSync(p);`],
  ['template spec', 'require(`fs`).readFileSync(p);'],
  ['escaped URL', `const u = "http\\u003a//collect.example.net/x";`],
  ['URL after a regular expression', `const r = /a"b/; const u = 'https://collect.example.net/x';`],
  ['IPv6 URL', `const u = "http://[2001:db8::1]:8080/x";`],
  ['URL in a template chunk', 'const u = `${a}https://collect.example.net/${b}`;'],
  ['sensitive path with escapes', `const p = "~/\\x2essh/id_rsa";`],
  ['native spec with spaces', `require('./my addon.node');`],
  ['spec after from', `import { exec } from 'node:child_process';\nexec(c);`],
  ['escaped letters', `const s = "${'\\x61'.repeat(120)}";`],
  [
    'hex identifiers',
    Array.from({ length: 12 }, (_, i) => `var _0x${(0x1a2b + i).toString(16)} = ${i};`).join('\n'),
  ],
];

const MAY_SKIP: Array<[string, string]> = [
  ['pure helper', `module.exports = function pad(s, n) { return String(s).padStart(n); };`],
  ['local requires', `const a = require('./a'); const b = require("../b.js"); module.exports = a + b;`],
  ['ESM re-exports', `import { a } from './a.js';\nexport const b = a + 1;\nexport * from './c.js';`],
  ['process.platform', `module.exports = process.platform === 'win32' ? '\\\\' : '/';`],
  ['timers with functions', `setTimeout(() => done(), 10); setInterval(tick, 1000);`],
  ['typeof require', `if (typeof require === 'function') { module.exports = 1; }`],
  ['Function.prototype', `const call = Function.prototype.call;`],
  ['import.meta', `export const here = import.meta.url;`],
  [
    'JSDoc with a URL',
    `/**\n * See https://example.com/docs and process.env.\n */\nmodule.exports = (a) => a + 1;`,
  ],
  ['line comments with URLs', `// https://example.com/a\nconst x = 1; // fetch(http://b)\nexports.x = x;`],
  ['comment on the line after a division', `exports.half = (a) => a / 2;\n// https://example.com`],
  ['comment that mentions nothing risky', `// pads a string\nexports.pad = (s) => s + ' ';`],
  ['typeof checks', `const has = typeof fetch === 'function' && typeof WebSocket !== 'undefined';`],
  [
    'process tested and compared',
    `const g = typeof process === 'object' && process !== null ? process : {};`,
  ],
  ['words in prose strings', `throw new Error('fetch() failed; require(x) and eval(y) are not used');`],
  ['URL schemes without a host', `if (u.startsWith('file://') || u.startsWith('http://')) x = 1;`],
  ['a URL in a regular expression', `const re = /^https?:\\/\\/example\\.com\\//;\nexports.re = re;`],
  ['unicode escapes in a string', `exports.nbsp = '\\u00a0\\u2028';`],
  ['a spec-like string that is no spec', `exports.kind = { method: 'request', proto: 'http' };`],
  ['.env as a property', `module.exports = (c) => c.env.KEY;`],
  ['properties named like globals', `this.#fetch = 1; obj.fetch(x); a.process.b = obj.eval;`],
  ['instanceof Function', `exports.isFn = (x) => x instanceof Function;`],
  ['division after a call', `exports.half = f(a) / 2 + g(b) / 3;`],
  [
    'methods named like globals',
    `class C {\n  fetch(k, o = {}) {\n    return k;\n  }\n  process(s) { return s; }\n}`,
  ],
  ['a function named like a global', `function fetch(u) { return u; }\nexports.n = 1;`],
  ['process?.platform', `exports.win = process?.platform === 'win32';`],
  ['a URL template around an IPv6 address', 'exports.ok = (v) => canParse(`http://[${v}]`);'],
  ['an IPv4 range', `exports.r = ['224.0.0.0/4', '169.254.0.0/16'];`],
  [
    'specs and words inside longer strings',
    `exports.h = ['sec-fetch-site', './fetch-result.js', 'no-eval'];`,
  ],
];

describe('prefilter: evasions are never skipped', () => {
  it.each(MUST_ANALYSE)('%s', (_name, code) => {
    const r = analyzeSource(code, /\bimport\b|\bexport\b/.test(code) ? 'module' : 'script');
    expect(r.problem).toBeUndefined();
    expect(r.hits.length).toBeGreaterThan(0);
    expect(mayHaveHits(code)).toBe(true);
  });
});

describe('prefilter: plain helpers are skipped', () => {
  it.each(MAY_SKIP)('%s', (_name, code) => {
    expect(mayHaveHits(code)).toBe(false);
    const goal = /\bimport\b|\bexport\b/.test(code) ? 'module' : 'script';
    expect(analyzeSource(code, goal).hits).toEqual([]);
  });
});

describe('prefilter: sound over the committed fixtures', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|cjs|mjs)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(import.meta.dirname, 'fixtures'));

  it('finds fixtures to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('a skipped fixture has no hits in either goal', () => {
    for (const f of files) {
      const code = fs.readFileSync(f, 'utf8');
      if (mayHaveHits(code)) continue;
      for (const goal of ['script', 'module'] as const) expect(analyzeSource(code, goal).hits, f).toEqual([]);
    }
  });
});

describe('prefilter: hostile input', () => {
  // quadratic look-aheads would take minutes here; the test timeout is the check
  it.each([
    ['nested calls', 'x = 1;\n' + 'fetch('.repeat(300_000)],
    ['unclosed require strings', 'require("'.repeat(300_000)],
    ['deep parentheses', '('.repeat(300_000) + 'process' + ')'.repeat(300_000)],
  ])('%s: answers, conservatively', (_name, code) => {
    expect(mayHaveHits(code)).toBe(true);
  });
});

describe('prefilter: files whose only hits are in strings are answered without the parser', () => {
  const key = (h: { line: number; cap: string; api: string; name?: string }): string =>
    `${h.line} ${h.cap} ${h.api} ${h.name ?? ''}`;
  it.each([
    ['a URL', `const u = "https://collect.example.net/x";`],
    [
      'URLs on several lines',
      `exports.a = 'https://a.example.com/';\n\nexports.b = "http://b.example.org:8080/p?q";`,
    ],
    ['an escaped URL', `exports.u = "http\\u003a//collect.example.net/x";`],
    [
      'a URL in template chunks',
      'exports.u = (a) => `\nhttps://api.example.com/${a}/x\nwss://ws.example.com`;',
    ],
    ['an IPv4 address with a port', `exports.ip = '203.0.113.9:4444';`],
    [
      'sensitive paths',
      `exports.p = ['~/.ssh/id_rsa', '/etc/passwd', 'C:\\\\Users\\\\x\\\\.aws\\\\credentials'];`,
    ],
    [
      'a URL next to harmless words',
      `// fetch docs\nexports.f = (res) => res.fetch('https://x.example.com');`,
    ],
  ])('%s', (_name, code) => {
    const p = prefilter(code);
    expect(p.verdict).toBe('strings');
    const a = analyzeSource(code, 'script');
    expect(a.problem).toBeUndefined();
    expect(a.hits.length).toBeGreaterThan(0);
    if (p.verdict === 'strings') expect(p.hits.map(key).sort()).toEqual(a.hits.map(key).sort());
  });

  it.each([
    [
      'a .node spec (export handling needs the parser)',
      `export * from './addon.node';\nexport const u = 'https://x.example.com';`,
    ],
    ['an uncooked template chunk', 'exports.t = String.raw`\\xyz https://x.example.com`;'],
    ['a URL and a require', `const fs = require('fs');\nfs.readFileSync('https://x.example.com');`],
  ])('not %s', (_name, code) => {
    expect(prefilter(code).verdict).toBe('parse');
  });
});
