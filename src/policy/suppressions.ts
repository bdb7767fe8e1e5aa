/**
 * Suppressions: a finding the team has looked at and accepted, for a stated reason, until a
 * date. Read from the repository's policy file (`.mcp-vet.yml`, or `--policy FILE`):
 *
 *   suppressions:
 *     - id: GHSA-3xgq-45jj-v275        # an advisory id or any of its aliases (CVE-…)
 *       package: cross-spawn           # optional: name or name@version
 *       reason: only reached with trusted input in the server's build step
 *       expires: 2026-12-31            # required: suppressions never last forever
 *
 * An expired suppression stops suppressing and says so; one that matched nothing is reported as
 * stale, so the list can't silently rot. The policy issue extends this file; until then any
 * other top-level key is an error (a typo must not be ignored).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { VetError } from '../errors.js';
import type { Finding } from '../model.js';

export interface Suppression {
  id: string;
  package?: string;
  reason: string;
  /** YYYY-MM-DD; the suppression applies through the end of that day (UTC). */
  expires: string;
  /** `file:line` where it was declared. */
  source: string;
}

export interface PolicyFile {
  path: string;
  suppressions: Suppression[];
}

const TOP_LEVEL = new Set(['suppressions']);
const SUPPRESSION_KEYS = new Set(['id', 'package', 'reason', 'expires']);

/** Reads a policy file; `display` is how messages and the report name it (e.g. relative to the repo). */
export async function loadPolicyFile(path: string, display = path): Promise<PolicyFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new VetError('E_USAGE', `the policy file ${display} could not be read: ${(err as Error).message}`);
  }
  return parsePolicy(text, display);
}

export function parsePolicy(text: string, path: string): PolicyFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const at = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0];
    return offset === undefined ? path : `${path}:${lines.linePos(offset).line}`;
  };
  const fail = (node: Node | null | undefined, msg: string): never => {
    throw new VetError('E_USAGE', `${at(node)}: ${msg}`);
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new VetError(
      'E_USAGE',
      `${path}${line ? `:${line}` : ''}: not valid YAML (${e.message.split('\n')[0]})`,
    );
  }
  const out: PolicyFile = { path, suppressions: [] };
  const root = doc.contents;
  if (root === null || root === undefined) return out; // an empty file is an empty policy
  if (!isMap(root))
    return fail(root as Node, 'the policy must be a mapping (key: value), e.g. "suppressions: [...]"');
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!TOP_LEVEL.has(key)) {
      fail(pair.key as Node, `unknown key "${key}" (supported: ${[...TOP_LEVEL].join(', ')})`);
    }
    const list = pair.value as Node | null;
    if (list === null || (list as { value?: unknown }).value === null) continue;
    if (!isSeq(list)) fail(list, '"suppressions" must be a list of {id, package?, reason, expires}');
    for (const item of (list as YAMLSeq).items as Node[]) {
      if (!isMap(item)) fail(item, 'each suppression must be a mapping with id, reason and expires');
      const fields: Record<string, unknown> = {};
      for (const p of (item as YAMLMap).items) {
        const k = String((p.key as { value?: unknown })?.value ?? p.key);
        if (!SUPPRESSION_KEYS.has(k)) {
          fail(p.key as Node, `unknown suppression field "${k}" (allowed: id, package, reason, expires)`);
        }
        fields[k] = (p.value as { value?: unknown } | null)?.value ?? null;
      }
      const where = item;
      const str = (k: string): string | undefined => {
        const v = fields[k];
        if (v === undefined || v === null) return undefined;
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v !== 'string' && typeof v !== 'number')
          fail(where, `suppression field "${k}" must be a string`);
        return String(v).trim();
      };
      const id = str('id');
      if (!id)
        fail(
          where,
          'a suppression needs an "id" (the advisory id, e.g. GHSA-xxxx-xxxx-xxxx, or a CVE alias)',
        );
      const reason = str('reason');
      if (!reason)
        fail(
          where,
          `the suppression of ${id} needs a "reason": say why it is acceptable, for the next reviewer`,
        );
      const expires = str('expires');
      if (!expires)
        fail(
          where,
          `the suppression of ${id} needs "expires" (a date, YYYY-MM-DD): suppressions never last forever`,
        );
      if (!/^\d{4}-\d{2}-\d{2}$/.test(expires!) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
        fail(
          where,
          `the suppression of ${id} has expires: ${JSON.stringify(expires)}, which is not a date (use YYYY-MM-DD)`,
        );
      }
      const pkg = str('package');
      out.suppressions.push({
        id: id!,
        reason: reason!,
        expires: expires!,
        ...(pkg ? { package: pkg } : {}),
        source: at(where),
      });
    }
  }
  return out;
}

/**
 * Applies suppressions to findings in place: a matching, unexpired suppression marks the finding
 * `suppressed` (kept in the report, left out of the decision). Returns the findings to add about
 * the suppressions themselves (expired, stale).
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], now: Date): Finding[] {
  const used = new Set<Suppression>();
  const expiredHit = new Set<Suppression>();
  for (const f of findings) {
    if (typeof f.id !== 'string') continue;
    const names = [f.id, ...(Array.isArray(f.aliases) ? (f.aliases as string[]) : [])];
    for (const s of suppressions) {
      if (!names.includes(s.id)) continue;
      if (s.package && s.package !== f.package && s.package !== `${f.package}@${f.version}`) continue;
      if (isExpired(s, now)) {
        expiredHit.add(s);
        f.expiredSuppression = { reason: s.reason, expires: s.expires, source: s.source };
        continue;
      }
      used.add(s);
      f.suppressed = { reason: s.reason, expires: s.expires, source: s.source };
      break;
    }
  }
  const extra: Finding[] = [];
  for (const s of suppressions) {
    if (expiredHit.has(s) && !used.has(s)) {
      extra.push({
        rule: 'suppression-expired',
        severity: 'info',
        message: `the suppression of ${s.id}${s.package ? ` for ${s.package}` : ''} (${s.source}) expired on ${s.expires} and no longer applies; fix the finding, or renew it with a reason`,
        id: s.id,
        source: s.source,
      });
    } else if (!used.has(s) && !expiredHit.has(s)) {
      extra.push({
        rule: 'suppression-unused',
        severity: 'info',
        message: `the suppression of ${s.id}${s.package ? ` for ${s.package}` : ''} (${s.source}) matched no finding; remove it if it is stale`,
        id: s.id,
        source: s.source,
      });
    }
  }
  return extra;
}

export function isExpired(s: Suppression, now: Date): boolean {
  return now.getTime() >= Date.parse(`${s.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}
