/**
 * Encoded payloads: runs of base64, hex, `\xNN` escapes, percent-encoding and ROT13 that decode to
 * readable text. A model decodes these on request ("decode this token and follow it"); a reviewer
 * and a keyword scanner see noise. Only runs that decode to *text* count, so checksums, key
 * fingerprints and image data (which decode to binary) stay quiet. All regexes are linear.
 */
import { isMostlyText } from './unicode.js';

export type EncodingKind = 'base64' | 'hex' | 'hex-escape' | 'percent' | 'rot13';

export interface EncodedRun {
  kind: EncodingKind;
  start: number;
  end: number;
  decoded: string;
}

const BASE64_RE = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX_RE = /\b[0-9a-fA-F]{24,}\b/g;
const HEX_ESCAPE_RE = /(?:\\x[0-9a-fA-F]{2}){6,}/g;
const PERCENT_RE = /(?:%[0-9a-fA-F]{2}){6,}/g;

function decodeBase64(s: string): string | null {
  const t = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (t.length % 4 === 1) return null;
  try {
    return Buffer.from(t, 'base64').toString('latin1');
  } catch {
    return null;
  }
}

/** Decodes bytes as UTF-8 when they are valid UTF-8, else keeps them as Latin-1. */
function utf8(latin1: string): string {
  const buf = Buffer.from(latin1, 'latin1');
  const s = buf.toString('utf8');
  return s.includes('\ufffd') ? latin1 : s;
}

/** Finds encoded runs in `text` that decode to readable text. */
export function findEncoded(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  for (const m of text.matchAll(HEX_ESCAPE_RE)) {
    const bytes = m[0].replace(/\\x/g, '');
    const decoded = utf8(Buffer.from(bytes, 'hex').toString('latin1'));
    if (isMostlyText(decoded))
      runs.push({ kind: 'hex-escape', start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(m[0]);
    } catch {
      continue;
    }
    if (isMostlyText(decoded))
      runs.push({ kind: 'percent', start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(HEX_RE)) {
    if (m[0].length % 2 !== 0) continue;
    const decoded = utf8(Buffer.from(m[0], 'hex').toString('latin1'));
    if (isMostlyText(decoded))
      runs.push({ kind: 'hex', start: m.index, end: m.index + m[0].length, decoded });
  }
  for (const m of text.matchAll(BASE64_RE)) {
    const s = m[0];
    // identifiers_like_this or CamelCaseWords are not base64 payloads: demand a mix of cases and digits/symbols
    if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || /^[A-Za-z]+$/.test(s)) continue;
    const raw = decodeBase64(s);
    if (raw === null) continue;
    const decoded = utf8(raw);
    if (isMostlyText(decoded))
      runs.push({ kind: 'base64', start: m.index, end: m.index + s.length, decoded });
  }
  runs.push(...findRot13(text));
  return runs;
}

const COMMON = [
  'the',
  'and',
  'you',
  'to',
  'of',
  'a',
  'in',
  'is',
  'it',
  'for',
  'this',
  'that',
  'with',
  'user',
  'file',
  'read',
  'send',
  'all',
  'your',
  'before',
  'call',
  'tool',
  'do',
  'not',
  'any',
  'from',
  'then',
  'into',
  'contents',
  'instructions',
  'ignore',
  'also',
  'must',
  'always',
  'when',
  'put',
  'key',
  'keys',
  'token',
  'password',
];
const COMMON_SET = new Set(COMMON);

export function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * ROT13 text: a sentence whose words are mostly common English words *after* rotation and hardly
 * any before. Works sentence by sentence so one encoded sentence in honest prose is still found.
 */
function findRot13(text: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  for (const m of text.matchAll(/[^.!?\n]{20,2000}/g)) {
    const words = m[0].toLowerCase().match(/[a-z]+/g);
    if (!words || words.length < 6) continue;
    let plain = 0;
    let rotated = 0;
    for (const w of words) {
      if (COMMON_SET.has(w)) plain++;
      if (COMMON_SET.has(rot13(w))) rotated++;
    }
    if (rotated >= 4 && rotated / words.length >= 0.3 && plain / words.length < 0.1) {
      runs.push({ kind: 'rot13', start: m.index, end: m.index + m[0].length, decoded: rot13(m[0]) });
    }
  }
  return runs;
}
