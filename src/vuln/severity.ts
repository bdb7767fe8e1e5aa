/**
 * Severity of an OSV record: the CVSS score computed from its v3.x / v4.0 vectors (the highest
 * when there are several), labelled with the CVSS qualitative scale; else the database's own
 * label (GitHub's `database_specific.severity`, where MODERATE means medium). Known malware
 * (`MAL-` ids) is always critical. Scores come from `ae-cvss-calculator` (FIRST's formulas and
 * the CVSS 4.0 macro-vector tables; not something to hand-write).
 */
import type { Severity } from '../model.js';
import type { OsvRecord } from './osv.js';
import type * as cvssTypes from 'ae-cvss-calculator';

export interface RecordSeverity {
  severity: Severity;
  /** CVSS score of the highest-scoring vector, when there is one that parses. */
  score: number | null;
  vector?: string;
  /** Where the label came from. */
  source: 'cvss' | 'database' | 'malware' | 'unknown';
  /** Vectors that could not be scored (named in a warning, never fatal). */
  invalidVectors?: string[];
}

type Calc = typeof cvssTypes;
let calc: Calc | undefined;
async function calculator(): Promise<Calc> {
  // a webpack-built CommonJS bundle: its exports arrive on `default` when bundled as ESM
  const mod = (await import('ae-cvss-calculator')) as Calc & { default?: Calc };
  calc ??= mod.Cvss4P0 ? mod : mod.default!;
  return calc;
}

/** CVSS v3.x/v4.0 base score of a vector, or null when it doesn't parse. */
export async function cvssScore(vector: string): Promise<number | null> {
  const m = await calculator();
  try {
    let scores: { overall?: number; base?: number };
    if (vector.startsWith('CVSS:4.0/')) scores = new m.Cvss4P0(vector).calculateScores();
    else if (vector.startsWith('CVSS:3.1/')) scores = new m.Cvss3P1(vector).calculateScores();
    else if (vector.startsWith('CVSS:3.0/')) scores = new m.Cvss3P0(vector).calculateScores();
    else return null;
    // For v4.0 the published vector's score (threat metrics included when the vector sets them,
    // as FIRST's calculator and GitHub show it); for v3.x the base score.
    const s = scores.base ?? scores.overall;
    return typeof s === 'number' && Number.isFinite(s) && s >= 0 && s <= 10 ? s : null;
  } catch {
    return null;
  }
}

export function labelForScore(score: number): Severity | null {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return null; // 0.0 is "none" on the CVSS scale: fall back to the database label
}

const DB_LABELS: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  MEDIUM: 'medium',
  LOW: 'low',
};

/** Severity assumed for a record that rates itself nowhere. */
export const UNKNOWN_SEVERITY: Severity = 'medium';

export async function severityOf(record: OsvRecord): Promise<RecordSeverity> {
  let best: { score: number; vector: string } | undefined;
  const invalid: string[] = [];
  for (const s of record.severity ?? []) {
    if (s.type !== 'CVSS_V3' && s.type !== 'CVSS_V4') continue;
    const score = await cvssScore(s.score);
    if (score === null) {
      invalid.push(s.score);
      continue;
    }
    if (!best || score > best.score) best = { score, vector: s.score };
  }
  const extra = invalid.length ? { invalidVectors: invalid } : {};
  if (record.id.startsWith('MAL-')) {
    return {
      severity: 'critical',
      score: best?.score ?? null,
      vector: best?.vector,
      source: 'malware',
      ...extra,
    };
  }
  const fromScore = best ? labelForScore(best.score) : null;
  if (best && fromScore)
    return { severity: fromScore, score: best.score, vector: best.vector, source: 'cvss', ...extra };
  const db = record.database_specific?.severity;
  const dbLabel = typeof db === 'string' ? DB_LABELS[db.toUpperCase()] : undefined;
  if (dbLabel)
    return {
      severity: dbLabel,
      score: best?.score ?? null,
      vector: best?.vector,
      source: 'database',
      ...extra,
    };
  return {
    // a vector that scores 0.0 ("none") with no database label: the lowest label we have
    severity: best ? 'low' : UNKNOWN_SEVERITY,
    score: best?.score ?? null,
    vector: best?.vector,
    source: 'unknown',
    ...extra,
  };
}
