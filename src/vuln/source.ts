/**
 * A vulnerability source answers one question for a whole tree at once: which OSV records might
 * concern each name@version. Matching (affected or not, fixed versions, uncertainty) is done by
 * one shared function afterwards, so the API and the offline database give identical findings.
 * A source that can't answer throws `VetError('E_VULN_SOURCE')`: the check then fails closed.
 */
import type { OsvRecord } from './osv.js';

export interface PackageQuery {
  name: string;
  version: string;
}

export interface SourceResult {
  /** `name@version` → candidate records (withdrawn ones included; the matcher decides). */
  records: Map<string, OsvRecord[]>;
  /** Non-fatal problems worth telling the user (an unreadable record in a database, …). */
  warnings: string[];
}

export interface VulnSource {
  readonly kind: 'osv-api' | 'osv-db';
  /** Where it answers from (URL or path), for the report. */
  readonly location: string;
  query(packages: PackageQuery[]): Promise<SourceResult>;
}
