/**
 * Does a finding count against its server? Mirrors `blocks()` in src/pipeline/vet.ts (malware
 * always, suppressed never, otherwise severity at or above fail-on) without importing the
 * pipeline, so the renderers stay pure and light. The policy engine (issue 7) will decide per
 * finding; when it does, the renderers should read that decision instead.
 */
import type { Finding, Severity } from '../model.js';

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function isBlocking(f: Finding, failOn: Severity): boolean {
  if (f.suppressed) return false;
  return f.rule === 'malware' || RANK[f.severity] >= RANK[failOn];
}
