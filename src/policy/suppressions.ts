/**
 * Suppressions: a finding the team has looked at and accepted, for a stated reason, until a
 * date. Read from the repository's policy file (`.mcp-vet.yml`, or `--policy FILE`):
 *
 *   suppressions:
 *     - rule: vulnerabilities          # optional: a policy rule or a finding rule
 *       id: GHSA-3xgq-45jj-v275        # optional: an advisory id or any of its aliases (CVE-…)
 *       package: cross-spawn           # optional: name or name@version
 *       reason: only reached with trusted input in the server's build step
 *       expires: 2026-12-31            # required: suppressions never last forever
 *
 * An expired suppression stops suppressing and says so; one that matched nothing is reported as
 * stale, so the list can't silently rot. Matching and reporting live in the policy engine.
 */

export interface Suppression {
  /** A policy rule id (e.g. `vulnerabilities`) or a finding's rule (e.g. `install-script`). */
  rule?: string;
  /** An advisory id or any of its aliases. */
  id?: string;
  /** name or name@version of the package the finding is about. */
  package?: string;
  /** The server (package name) the finding belongs to. */
  server?: string;
  reason: string;
  /** YYYY-MM-DD; the suppression applies through the end of that day (UTC). */
  expires: string;
  /** `file:line` where it was declared. */
  source: string;
}

export function isExpired(s: Suppression, now: Date): boolean {
  return now.getTime() >= Date.parse(`${s.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}
