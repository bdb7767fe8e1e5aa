/**
 * The JSON pruner: what it keeps must parse to exactly what JSON.parse of the whole document has in
 * those places, and what it is given must be well-formed JSON. Checked against a reference that
 * prunes the parsed objects, over real packuments and over seeded random documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizePackument, PACKUMENT_FIELDS } from '../src/registry/packument.js';
import { JsonSyntaxError, pruneJson, type Keep } from '../src/registry/prune-json.js';
import { pruneParsed } from '../scripts/lib/prune-reference.mjs';

const PACKUMENTS = join(import.meta.dirname, 'fixtures', 'packuments');

function prunedText(doc: string, keep: Keep): string {
  return pruneJson(Buffer.from(doc, 'utf8'), keep).toString('utf8');
}

/** Same members in the same order with the same values: JSON.stringify compares all of that. */
function expectSamePrune(doc: string, keep: Keep): void {
  const expected = JSON.stringify(pruneParsed(JSON.parse(doc), keep));
  expect(JSON.stringify(JSON.parse(prunedText(doc, keep)))).toBe(expected);
}

function expectSyntaxError(doc: string | Buffer, keep: Keep = { members: { a: true } }): void {
  expect(() => pruneJson(typeof doc === 'string' ? Buffer.from(doc) : doc, keep)).toThrow(JsonSyntaxError);
}

// ---------------------------------------------------------------------------------------------
// seeded random JSON

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['a', 'b', 'dist', 'keep', 'deep', '__proto__', 'ключ', 'x"y', 'back\\slash', 'keepme', ''];
const STRINGS = [
  '',
  'plain',
  'with "quotes"',
  'back\\slash\\',
  '\\\\',
  'ends with backslash \\',
  'tab\tnew\nline',
  'ünïcödé ✓ 😀',
  '\u0000\u001f control',
  '\u2028\u2029',
  'x'.repeat(40) + '"' + 'y'.repeat(30),
  '\\'.repeat(25) + '"',
];
const NUMBERS = ['0', '-0', '12', '-3.25', '1e9', '1E-7', '2.5e+3', '123456789012345678901234567890'];

function randomJson(r: () => number, depth: number, keyNames: string[]): string {
  const ws = (): string => [' ', '', '\n', '\t', '\r\n  ', ''][Math.floor(r() * 6)]!;
  const str = (s: string): string => {
    // the same string written in different legal ways
    const json = JSON.stringify(s);
    if (r() < 0.3)
      return json.replace(/[a-z]/g, (c) =>
        r() < 0.3 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
      );
    if (r() < 0.2) return json.replace(/\//g, '\\/');
    return json;
  };
  const pick = r();
  if (depth <= 0 || pick < 0.35) {
    const k = r();
    if (k < 0.5) return str(STRINGS[Math.floor(r() * STRINGS.length)]!);
    if (k < 0.8) return NUMBERS[Math.floor(r() * NUMBERS.length)]!;
    return ['true', 'false', 'null'][Math.floor(r() * 3)]!;
  }
  if (pick < 0.6) {
    const n = Math.floor(r() * 4);
    const items = Array.from({ length: n }, () => ws() + randomJson(r, depth - 1, keyNames) + ws());
    return `[${items.join(',') || ws()}]`;
  }
  const n = Math.floor(r() * 6);
  const members = Array.from(
    { length: n },
    () =>
      `${ws()}${str(keyNames[Math.floor(r() * keyNames.length)]!)}${ws()}:${ws()}${randomJson(r, depth - 1, keyNames)}${ws()}`,
  );
  return `{${members.join(',') || ws()}}`;
}

const SCHEMAS: Keep[] = [
  true,
  { members: { a: true } },
  { members: { a: true, dist: true, ['__proto__']: true } },
  { members: { deep: { members: { keep: true, b: { other: true } } } }, other: { members: { a: true } } },
  { other: { members: { dist: true, 'x"y': true, 'back\\slash': true, ключ: true } } },
  { members: { '': true, keepme: { members: { a: { members: { a: true } } } } } },
];

describe('pruneJson keeps exactly what JSON.parse reads there', () => {
  it('on seeded random documents, for several schemas', () => {
    const r = rng(20261121);
    let checked = 0;
    for (let n = 0; n < 1500; n++) {
      const doc = `${[' ', ''][n % 2]}{${randomJson(r, 5, NAMES).slice(1)}`;
      let valid = true;
      try {
        JSON.parse(doc);
      } catch {
        valid = false; // an array at the top ("{[…]") is not a document; skip it
      }
      if (!valid) continue;
      for (const keep of SCHEMAS) expectSamePrune(doc, keep);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('on real packuments, and normalizes pruned documents to the same packument', () => {
    const files = readdirSync(PACKUMENTS).filter((f) => f.endsWith('.json.gz'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const doc = gunzipSync(readFileSync(join(PACKUMENTS, f))).toString('utf8');
      const name = decodeURIComponent(f.replace(/\.json\.gz$/, ''));
      expectSamePrune(doc, PACKUMENT_FIELDS);
      const pruned = prunedText(doc, PACKUMENT_FIELDS);
      expect(pruned.length).toBeLessThan(doc.length);
      expect(normalizePackument(name, JSON.parse(pruned))).toEqual(normalizePackument(name, JSON.parse(doc)));
    }
  });

  it('keeps every field normalization reads, however a manifest is written', () => {
    const manifest = {
      name: 'p',
      version: '1.0.0',
      description: 'dropped',
      dependencies: { a: '^1' },
      optionalDependencies: { b: '2' },
      peerDependencies: { c: '*' },
      peerDependenciesMeta: { c: { optional: true } },
      bundleDependencies: ['a'],
      bundledDependencies: true,
      os: ['linux'],
      cpu: 'x64',
      libc: ['glibc'],
      engines: { node: '>=18', npm: '>=9' },
      deprecated: 'use q',
      hasInstallScript: true,
      _hasShrinkwrap: true,
      scripts: { postinstall: 'node x', test: 'dropped' },
      dist: { tarball: 'http://r/p.tgz', integrity: 'sha512-AAAA', shasum: 'ab'.repeat(20) },
      devDependencies: { dropped: '1' },
    };
    const doc = JSON.stringify({
      _id: 'p',
      name: 'p',
      readme: 'dropped',
      'dist-tags': { latest: '1.0.0' },
      versions: {
        '1.0.0': manifest,
        '0.9.0': { ...manifest, version: '0.9.0', scripts: { install: 'make' } },
      },
      time: { '1.0.0': '2026-01-01T00:00:00.000Z', created: '2025-01-01T00:00:00.000Z' },
      users: { someone: true },
    });
    const pruned = JSON.parse(prunedText(doc, PACKUMENT_FIELDS)) as Record<string, unknown>;
    expect(Object.keys(pruned)).toEqual(['dist-tags', 'versions', 'time']);
    expect(normalizePackument('p', pruned)).toEqual(normalizePackument('p', JSON.parse(doc)));
    expect(normalizePackument('p', pruned).versions['1.0.0']).toMatchObject({
      deprecated: 'use q',
      hasInstallScript: true,
      hasShrinkwrap: true,
      libc: ['glibc'],
      bundleDependencies: ['a'],
    });
  });

  it('matches member names written with escapes, and keeps "__proto__" an own member', () => {
    const doc = '{"\\u0064ist":{"x":1},"__proto__":{"polluted":true},"a":2,"d\\u0069st":3}';
    expectSamePrune(doc, { members: { dist: true, ['__proto__']: true } });
    const out = JSON.parse(prunedText(doc, { members: { ['__proto__']: true } })) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
  });

  it('keeps the last of duplicate members, as JSON.parse does', () => {
    expectSamePrune('{"a":1,"b":0,"a":{"z":2}}', { members: { a: true } });
    expectSamePrune('{"v":{"a":1},"v":{"a":2,"b":3}}', { members: { v: { members: { a: true } } } });
  });

  it('keeps a value whole when the schema expects an object and it is something else', () => {
    for (const v of ['"text"', '[1,{"a":2}]', 'null', '7', 'true']) {
      expect(JSON.parse(prunedText(`{"versions":${v}}`, PACKUMENT_FIELDS))).toEqual({
        versions: JSON.parse(v),
      });
    }
    expect(JSON.parse(prunedText('[1,2]', PACKUMENT_FIELDS))).toEqual([1, 2]);
  });

  it('skips very deep values without growing the call stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(prunedText(`{"skipped":${deep},"a":1}`, { members: { a: true } })).toBe('{"a":1}');
    expect(() => pruneJson(Buffer.from(`{"a":${'['.repeat(100_000)}}`), { members: {} })).toThrow(
      JsonSyntaxError,
    );
  });

  it('finds the end of long strings with escaped quotes and backslashes at every position', () => {
    for (let len = 0; len < 70; len++) {
      for (const tail of ['\\"', '\\\\', '\\\\\\"', 'x']) {
        const s = 'y'.repeat(len) + tail;
        const doc = `{"skip":"${s}","a":"${s}"}`;
        expectSamePrune(doc, { members: { a: true } });
      }
    }
  });
});

describe('pruneJson rejects what is not JSON', () => {
  it('rejects every strict prefix of a document', () => {
    const doc = gunzipSync(readFileSync(join(PACKUMENTS, 'unpipe.json.gz'))).toString('utf8');
    for (let end = 0; end < doc.length; end++) expectSyntaxError(doc.slice(0, end), PACKUMENT_FIELDS);
  });

  it('rejects a document where JSON.parse fails because of bytes outside strings', () => {
    const r = rng(7);
    const doc = `{"a":[1,-2.5e3,true,false,null,{"b":"c"}],"skip":{"x":[{"y":{}},[]],"z":"w"},"keep":{"q":0}}`;
    // which bytes are inside strings (the pruner does not read skipped strings' contents)
    const inString: boolean[] = [];
    let inside = false;
    for (let i = 0; i < doc.length; i++) {
      if (doc[i] === '"') {
        inString.push(true);
        inside = !inside;
      } else inString.push(inside);
    }
    const junk = ['', ' ', ',', ':', '{', '}', '[', ']', '"', '0', '-', 'e', '.', 't', 'x', '\u000b', '01'];
    let rejected = 0;
    for (let n = 0; n < 4000; n++) {
      const at = Math.floor(r() * doc.length);
      if (inString[at]) continue;
      const replace = r() < 0.5 ? 1 : 0;
      const mutated = doc.slice(0, at) + junk[Math.floor(r() * junk.length)]! + doc.slice(at + replace);
      let valid = true;
      try {
        JSON.parse(mutated);
      } catch {
        valid = false;
      }
      for (const keep of [{ members: { a: true } }, { members: { keep: true } }, true] as Keep[]) {
        if (valid) expectSamePrune(mutated, keep);
        else {
          expectSyntaxError(mutated, keep);
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  it('names the problem and the byte offset', () => {
    expect(() => pruneJson(Buffer.from('{"a":1,}'), { members: {} })).toThrow(
      /expected a member name \(a string\) at byte 7/,
    );
    expect(() => pruneJson(Buffer.from('{"a":[1 2]}'), { members: {} })).toThrow(/expected "," or "\]"/);
    expect(() => pruneJson(Buffer.from('{"a":tru}'), { members: {} })).toThrow(/invalid literal at byte 5/);
    expect(() => pruneJson(Buffer.from('{"a":"x'), { members: {} })).toThrow(
      /unterminated string at byte 5 \(the document ends early\)/,
    );
    expect(() => pruneJson(Buffer.from('{"a":tr'), { members: {} })).toThrow(
      /invalid literal at byte 5 \(the document ends early\)/,
    );
    expect(() => pruneJson(Buffer.from('{"a":1} x'), { members: {} })).toThrow(/after the JSON value/);
    expect(() => pruneJson(Buffer.from(''), { members: {} })).toThrow(/document ends early/);
    expect(() => pruneJson(Buffer.from('\ufeff{}'), { members: {} })).toThrow(JsonSyntaxError);
  });

  it('leaves the inside of skipped strings unchecked, but checks kept ones through JSON.parse', () => {
    // documented: a skipped string's escapes are never read
    expect(prunedText('{"readme":"bad \\x escape","a":1}', { members: { a: true } })).toBe('{"a":1}');
    const kept = prunedText('{"a":"bad \\x escape"}', { members: { a: true } });
    expect(() => JSON.parse(kept)).toThrow(SyntaxError);
  });
});
