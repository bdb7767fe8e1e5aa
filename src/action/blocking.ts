/**
 * Does a finding count against its server? The policy engine decided per finding
 * (`policy.action`); this reads that decision so the renderers stay pure and light. Reports
 * built without the engine (old JSON) fall back to the severity threshold.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../model.js';

const RANK = SEVERITY_RANK;

export function isBlocking(f: Finding, failOn: Severity): boolean {
  if (f.suppressed) return false;
  const decided = (f.policy as { action?: string } | undefined)?.action;
  if (decided) return decided === 'reject';
  return f.rule === 'malware' || RANK[f.severity] >= RANK[failOn];
}
