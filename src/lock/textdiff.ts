/**
 * Small, bounded diffs for people: a word-level diff of two texts (`[-old-]{+new+}`, invisible
 * characters made visible) and a structural diff of two JSON values (JSON pointers).
 */
import { makeVisible } from '../tools/unicode.js';

const TOKEN = /\s+|[\p{L}\p{N}_]+|[\s\S]/gu;
/** Past this many cells the LCS is not computed and the text is shown replaced whole. */
const MAX_CELLS = 4_000_000;
const CONTEXT = 60;

type Op = { op: '=' | '-' | '+'; text: string };

function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

export function wordOps(a: string, b: string): Op[] {
  const x = tokens(a);
  const y = tokens(b);
  // trim the common prefix and suffix first: most edits are small
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf])
    suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  const ops: Op[] = [];
  if (pre) ops.push({ op: '=', text: x.slice(0, pre).join('') });
  if (xs.length * ys.length > MAX_CELLS) {
    if (xs.length) ops.push({ op: '-', text: xs.join('') });
    if (ys.length) ops.push({ op: '+', text: ys.join('') });
  } else {
    const n = xs.length;
    const m = ys.length;
    const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[i]![j] = xs[i] === ys[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        ops.push({ op: '=', text: xs[i++]! });
        j++;
      } else if (i < n && (j >= m || L[i + 1]![j]! >= L[i]![j + 1]!)) ops.push({ op: '-', text: xs[i++]! });
      else ops.push({ op: '+', text: ys[j++]! });
    }
  }
  if (suf) ops.push({ op: '=', text: x.slice(x.length - suf).join('') });
  // merge neighbours with the same op
  const merged: Op[] = [];
  for (const o of ops) {
    const last = merged[merged.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else merged.push({ ...o });
  }
  return merged;
}

/** `Sends an email [-to-]{+and BCC+} the recipient.` with long unchanged runs shortened. */
export function wordDiff(a: string, b: string): string {
  const ops = wordOps(a, b);
  let out = '';
  ops.forEach((o, k) => {
    if (o.op === '-') out += `[-${makeVisible(o.text, 2000)}-]`;
    else if (o.op === '+') out += `{+${makeVisible(o.text, 2000)}+}`;
    else {
      let t = o.text;
      const first = k === 0;
      const last = k === ops.length - 1;
      if (first && t.length > CONTEXT) t = `…${t.slice(-CONTEXT)}`;
      else if (last && t.length > CONTEXT) t = `${t.slice(0, CONTEXT)}…`;
      else if (t.length > 2 * CONTEXT) t = `${t.slice(0, CONTEXT)} … ${t.slice(-CONTEXT)}`;
      out += makeVisible(t, 2000);
    }
  });
  return out;
}

/** Dice similarity of two texts' word multisets, 0..1 (for rename detection). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const count = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of tokens(s)) if (t.trim()) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const x = count(a);
  const y = count(b);
  let common = 0;
  let total = 0;
  for (const [t, n] of x) {
    common += Math.min(n, y.get(t) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 1 : (2 * common) / total;
}

export interface StructuralChange {
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const MAX_DEPTH = 64;

/** Differences between two JSON values as pointers, sorted; depth-capped. */
export function structuralDiff(before: unknown, after: unknown): StructuralChange[] {
  const out: StructuralChange[] = [];
  const walk = (a: unknown, b: unknown, p: string, depth: number): void => {
    if (a === b) return;
    const objs =
      typeof a === 'object' &&
      a !== null &&
      typeof b === 'object' &&
      b !== null &&
      Array.isArray(a) === Array.isArray(b);
    if (!objs || depth >= MAX_DEPTH) {
      if (JSON.stringify(a) !== JSON.stringify(b))
        out.push({ pointer: p || '/', change: 'changed', before: a, after: b });
      return;
    }
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const child = `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!(k in ra)) out.push({ pointer: child, change: 'added', after: rb[k] });
      else if (!(k in rb)) out.push({ pointer: child, change: 'removed', before: ra[k] });
      else walk(ra[k], rb[k], child, depth + 1);
    }
  };
  walk(before, after, '', 0);
  return out;
}

export function short(v: unknown, max = 160): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  return makeVisible(s ?? 'undefined', max);
}

/** `+ /properties/bcc: {"type":"string"}` lines. */
export function renderStructural(changes: StructuralChange[]): string[] {
  return changes.map((c) =>
    c.change === 'added'
      ? `+ ${c.pointer}: ${short(c.after)}`
      : c.change === 'removed'
        ? `- ${c.pointer}: ${short(c.before)}`
        : `~ ${c.pointer}: ${short(c.before)} → ${short(c.after)}`,
  );
}
