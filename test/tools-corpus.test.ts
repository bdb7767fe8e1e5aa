/**
 * Detection targets on the labelled corpus (test/fixtures/corpus, see its README and PROVENANCE):
 * recall >= 0.95 at precision >= 0.95 on poisoned tools, and no finding at or above medium on the
 * 350 real servers' tools. A regression in any rule fails here. Detected = a finding >= medium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanTool } from '../src/tools/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SEV = ['info', 'low', 'medium', 'high', 'critical'];
interface Item {
  id: string;
  label: string;
  class: string;
  tool: unknown;
}
const load = (f: string): Item[] =>
  readFileSync(path.join(FIXTURES, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
const detected = (tool: unknown): boolean => scanTool(tool, 0).some((f) => SEV.indexOf(f.severity) >= 2);

function score(items: Item[]): { recall: number; precision: number; misses: string[]; fps: string[] } {
  const misses = items.filter((i) => i.label === 'poisoned' && !detected(i.tool)).map((i) => i.id);
  const fps = items.filter((i) => i.label !== 'poisoned' && detected(i.tool)).map((i) => i.id);
  const pos = items.filter((i) => i.label === 'poisoned').length;
  const tp = pos - misses.length;
  return { recall: tp / pos, precision: tp / (tp + fps.length), misses, fps };
}

describe('tool-poisoning corpus', () => {
  const poisoned = load('corpus/poisoned.jsonl');
  const hard = load('corpus/benign-hard.jsonl');
  const real = load('corpus/real-tools.jsonl');

  it('recall >= 0.95 at precision >= 0.95 (poisoned vs hard-benign and real tools)', () => {
    const s = score([...poisoned, ...hard, ...real]);
    expect(s.misses).toEqual([]); // today: none; the floor below is the contract
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('every attack class is detected', () => {
    const classes = new Map<string, number>();
    for (const p of poisoned) if (!detected(p.tool)) classes.set(p.class, (classes.get(p.class) ?? 0) + 1);
    expect([...classes.keys()]).toEqual([]);
  });

  it('no finding at or above medium on the real servers’ tools', () => {
    expect(real).toHaveLength(350);
    const flagged = real.filter((r) => detected(r.tool)).map((r) => r.id);
    expect(flagged).toEqual([]);
  });

  it('no hard-benign tool is flagged', () => {
    expect(hard.filter((h) => detected(h.tool)).map((h) => h.id)).toEqual([]);
  });

  it('rug pulls: every poisoned "after" is detected, no "before" and no honest update is', () => {
    const pairs = readFileSync(path.join(FIXTURES, 'corpus/rugpull.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; label: string; before: unknown; after: unknown });
    for (const p of pairs) {
      expect(detected(p.before), `${p.id} before`).toBe(false);
      expect(detected(p.after), `${p.id} after`).toBe(p.label === 'poisoned');
    }
  });

  it('held-out samples written apart from the corpus', () => {
    const s = score(load('tools-holdout.jsonl'));
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.fps).toEqual([]);
  });
});
