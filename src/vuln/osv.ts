/**
 * OSV records (https://ossf.github.io/osv-schema/) and how to tell whether one affects an npm
 * package version. Records are untrusted input: every field is checked before use, and a field
 * that can't be understood makes the answer "possibly affected" with a reason — never "safe".
 *
 * Range evaluation follows the schema's reference algorithm: per range, sort the events by
 * version (`introduced: "0"` first), walk them, and the version is affected when the last
 * event at or below it is an `introduced` (with `fixed` exclusive, `last_affected` inclusive,
 * `limit` an exclusive upper bound over the whole range). npm's `ECOSYSTEM` ordering is SemVer
 * 2.0 precedence, pre-releases included (5.0.0-beta.1 < 5.0.0), so comparison uses
 * `semver.compare`, never `semver.satisfies` (which hides pre-releases).
 */
import semver from 'semver';
import { isRecord } from '../registry/http.js';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  package?: { ecosystem?: string; name?: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: { type: string; score: string }[];
  affected?: OsvAffected[];
  references?: { type?: string; url?: string }[];
  database_specific?: Record<string, unknown>;
}

/**
 * Checks the shape of a record just enough that matching can't throw: `id` must be a string;
 * every other field is optional, and malformed parts are dropped (matching then reports the
 * record as uncertain for the packages it names). Returns an error message for a record that
 * is not usable at all.
 */
export function parseOsvRecord(raw: unknown): OsvRecord | string {
  if (!isRecord(raw)) return 'is not a JSON object';
  if (typeof raw.id !== 'string' || !raw.id) return 'has no "id" string';
  const r = raw as unknown as OsvRecord;
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  return {
    id: r.id,
    modified: typeof r.modified === 'string' ? r.modified : undefined,
    published: typeof r.published === 'string' ? r.published : undefined,
    withdrawn: typeof r.withdrawn === 'string' ? r.withdrawn : undefined,
    aliases: strings(r.aliases),
    related: strings(r.related),
    summary: typeof r.summary === 'string' ? r.summary : undefined,
    details: typeof r.details === 'string' ? r.details : undefined,
    severity: Array.isArray(r.severity)
      ? r.severity.filter((s) => isRecord(s) && typeof s.type === 'string' && typeof s.score === 'string')
      : undefined,
    affected: Array.isArray(r.affected) ? r.affected.filter(isRecord) : undefined,
    references: Array.isArray(r.references) ? r.references.filter(isRecord) : undefined,
    database_specific: isRecord(r.database_specific) ? r.database_specific : undefined,
  };
}

/** The names of npm packages a record has `affected` entries for. */
export function npmPackagesOf(record: OsvRecord): string[] {
  const names = new Set<string>();
  for (const a of record.affected ?? []) {
    if (isNpm(a) && typeof a.package?.name === 'string') names.add(a.package.name);
  }
  return [...names];
}

function isNpm(a: OsvAffected): boolean {
  return isRecord(a.package) && a.package.ecosystem === 'npm';
}

export interface MatchResult {
  affected: boolean;
  /** Set when part of the record could not be evaluated and the answer leans to "affected". */
  uncertain?: string[];
  /** Versions named as `fixed` in the ranges that apply to this package (any order, deduped). */
  fixed: string[];
  /** `last_affected` versions in those ranges (no fixed version is known past them). */
  lastAffected: string[];
}

/** Does `record` affect npm package `name` at `version`? */
export function matchRecord(record: OsvRecord, name: string, version: string): MatchResult {
  const out: MatchResult = { affected: false, fixed: [], lastAffected: [] };
  const uncertain: string[] = [];
  const fixed = new Set<string>();
  const lastAffected = new Set<string>();
  const v = semver.valid(version);
  for (const a of record.affected ?? []) {
    if (!isNpm(a) || a.package?.name !== name) continue;
    if (Array.isArray(a.versions) && a.versions.includes(version)) out.affected = true;
    for (const range of Array.isArray(a.ranges) ? a.ranges : []) {
      if (!isRecord(range) || (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM')) {
        // GIT ranges name commits; they say nothing about npm versions on their own.
        continue;
      }
      const events = Array.isArray(range.events) ? range.events.filter(isRecord) : [];
      for (const e of events) {
        if (typeof e.fixed === 'string' && semver.valid(e.fixed)) fixed.add(e.fixed);
        if (typeof e.last_affected === 'string' && semver.valid(e.last_affected))
          lastAffected.add(e.last_affected);
      }
      if (!v) {
        uncertain.push(`the installed version "${version}" is not SemVer, so ranges can't be compared`);
        out.affected = true;
        continue;
      }
      const r = evaluateRange(events, v);
      if (r.problems.length) uncertain.push(...r.problems);
      if (r.affected) out.affected = true;
    }
  }
  out.fixed = [...fixed].sort(semver.compare);
  out.lastAffected = [...lastAffected].sort(semver.compare);
  if (uncertain.length) out.uncertain = [...new Set(uncertain)];
  return out;
}

type Kind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
const KINDS: Kind[] = ['introduced', 'fixed', 'last_affected', 'limit'];

/**
 * One range. An event whose version can't be parsed is dropped and reported; if dropping it
 * could turn "affected" into "not affected" (a bad `introduced`), the range is treated as
 * affected, so a malformed record never makes a package look safe.
 */
function evaluateRange(rawEvents: OsvEvent[], version: string): { affected: boolean; problems: string[] } {
  const problems: string[] = [];
  const events: { kind: Kind; at: string | null }[] = [];
  const limits: string[] = [];
  let badIntroduced = false;
  for (const e of rawEvents) {
    for (const kind of KINDS) {
      const val = (e as Record<string, unknown>)[kind];
      if (val === undefined) continue;
      if (typeof val !== 'string') {
        problems.push(`a "${kind}" event is not a string`);
        if (kind === 'introduced') badIntroduced = true;
        continue;
      }
      if (kind === 'introduced' && val === '0') {
        events.push({ kind, at: null });
        continue;
      }
      const parsed = semver.valid(val);
      if (!parsed) {
        problems.push(`the "${kind}" version "${val}" is not a valid version`);
        if (kind === 'introduced') badIntroduced = true;
        continue;
      }
      if (kind === 'limit') limits.push(parsed);
      else events.push({ kind, at: parsed });
    }
  }
  if (badIntroduced) return { affected: true, problems };
  if (limits.length && !limits.some((l) => semver.lt(version, l))) return { affected: false, problems };
  // "0" sorts first; at equal versions, the order of kinds doesn't change the outcome below.
  events.sort((x, y) => (x.at === null ? -1 : y.at === null ? 1 : semver.compare(x.at, y.at)));
  let affected = false;
  for (const e of events) {
    if (e.kind === 'introduced') {
      if (e.at === null || semver.gte(version, e.at)) affected = true;
    } else if (e.kind === 'fixed') {
      if (semver.gte(version, e.at!)) affected = false;
    } else if (e.kind === 'last_affected') {
      if (semver.gt(version, e.at!)) affected = false;
    }
  }
  // A bad `fixed`/`last_affected` was dropped: the range now reaches further up, which can
  // only add affected versions. Say so when it matters.
  if (!affected) problems.length = 0;
  return { affected, problems };
}
