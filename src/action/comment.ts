/**
 * The pull-request comment (and, with a larger budget, the job summary): verdict first, a
 * per-server table, collapsible details, then how to approve and how to suppress. Pure: a
 * report (plus what changed against the lock) in, markdown out.
 *
 * Everything from a package, a registry or a running server goes through `inline()` or
 * `codeBlock()` (src/action/markdown.ts) before it reaches markdown.
 *
 * Size: GitHub rejects a comment body over 65,536 characters. The head (verdict, change line,
 * table) and the tail (how to approve/suppress) are always kept; details are added in priority
 * order (advisories, tools, capabilities, other findings, accepted findings) while they fit, and
 * whatever does not fit is counted and pointed at the job summary.
 */
import type { Finding, Severity } from '../model.js';
import type { Report, ServerReport } from '../pipeline/vet.js';
import { isBlocking as blocks } from './blocking.js';
import { codeBlock, inline, link } from './markdown.js';

/** Hidden marker that finds the sticky comment again. Must stay stable across versions. */
export const MARKER = '<!-- mcp-vet:sticky-comment -->';
/** GitHub's maximum issue-comment body, in characters. */
export const COMMENT_LIMIT = 65_536;
/** GitHub's maximum job summary per step, in bytes. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** What the lock diff (issue 6) says changed for one server, keyed by package name. */
export interface ServerChange {
  name: string;
  change: 'added' | 'removed' | 'updated' | 'unchanged';
  /** Version in the lock (base). */
  from?: string;
  /** Version vetted now (head). */
  to?: string;
  /** Capabilities the server has now and did not have in the lock. */
  newPermissions?: string[];
  /** Tool names added, removed, or whose model-visible definition changed. */
  tools?: { added: string[]; removed: string[]; changed: string[] };
  /** `findingKey()`s of findings that the lock did not already accept. */
  newFindings?: string[];
}

export interface Changes {
  /** `lockfile`: compared with the base branch's lock; `none`: nothing to compare with (all new). */
  baseline: 'lockfile' | 'none';
  /** Why there is no baseline, shown under the verdict (first adoption, lockfile deleted, …). */
  note?: string;
  servers: ServerChange[];
}

/** The state the lock approved, enough for word diffs of tool descriptions (and to derive changes). */
export interface PreviousState {
  servers: {
    package: { name: string; version: string };
    manifest?: { tools: Record<string, unknown>[] };
    permissions?: { own: string[]; dependencies: string[] };
    findings?: Finding[];
  }[];
}

export interface RenderOptions {
  changes?: Changes;
  previous?: PreviousState;
  /** Link to the job summary (the run page), offered where details were trimmed. */
  summaryUrl?: string;
  /** Budget; default COMMENT_LIMIT. */
  limit?: number;
  /** `chars` (comments) or `bytes` (job summary). */
  measure?: 'chars' | 'bytes';
  /** Include the hidden marker (comments) — default true. */
  marker?: boolean;
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

/** Identity of a finding across runs (for "new since the lock"). */
export function findingKey(serverName: string, f: Finding): string {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return [
    serverName,
    f.rule,
    str(f.id),
    f.package ?? '',
    f.version ?? '',
    str(f.tool),
    str(f.pointer),
    str(f.capability),
  ].join('\u0000');
}

/** Derives the change list from a previous state (the lead's lock diff may supply it instead). */
export function diffStates(previous: PreviousState, report: Report): Changes {
  const before = new Map(previous.servers.map((s) => [s.package.name, s]));
  const now = new Set(report.servers.map((s) => s.package.name));
  const servers: ServerChange[] = report.servers.map((s) => {
    const old = before.get(s.package.name);
    if (!old) return addedServer(s);
    const caps = new Set([...(old.permissions?.own ?? []), ...(old.permissions?.dependencies ?? [])]);
    const oldTools = toolMap(old.manifest?.tools ?? []);
    const newTools = toolMap(s.manifest?.tools ?? []);
    const oldKeys = new Set((old.findings ?? []).map((f) => findingKey(s.package.name, f)));
    return {
      name: s.package.name,
      change: old.package.version === s.package.version ? 'unchanged' : 'updated',
      from: old.package.version,
      to: s.package.version,
      newPermissions: capabilitiesOf(s).filter((c) => !caps.has(c)),
      tools: {
        added: [...newTools.keys()].filter((n) => !oldTools.has(n)),
        removed: [...oldTools.keys()].filter((n) => !newTools.has(n)),
        changed: [...newTools.keys()].filter(
          (n) => oldTools.has(n) && stableJson(oldTools.get(n)) !== stableJson(newTools.get(n)),
        ),
      },
      newFindings: s.findings.map((f) => findingKey(s.package.name, f)).filter((k) => !oldKeys.has(k)),
    };
  });
  for (const old of previous.servers) {
    if (!now.has(old.package.name)) {
      servers.push({ name: old.package.name, change: 'removed', from: old.package.version });
    }
  }
  return { baseline: 'lockfile', servers };
}

/** Without a baseline every server, permission, tool and finding is new. */
export function noBaseline(report: Report, note?: string): Changes {
  return { baseline: 'none', ...(note ? { note } : {}), servers: report.servers.map(addedServer) };
}

function addedServer(s: ServerReport): ServerChange {
  return {
    name: s.package.name,
    change: 'added',
    to: s.package.version,
    newPermissions: capabilitiesOf(s),
    tools: { added: [...toolMap(s.manifest?.tools ?? []).keys()], removed: [], changed: [] },
    newFindings: s.findings.map((f) => findingKey(s.package.name, f)),
  };
}

function capabilitiesOf(s: ServerReport): string[] {
  const p = s.permissions;
  return p ? [...new Set([...p.own, ...p.dependencies])] : [];
}

function toolMap(tools: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  const m = new Map<string, Record<string, unknown>>();
  for (const t of tools) if (typeof t.name === 'string' && !m.has(t.name)) m.set(t.name, t);
  return m;
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : val,
  );
}

/* ------------------------------------------------------------------------------------------ */

export function renderComment(report: Report, opts: RenderOptions = {}): string {
  const limit = opts.limit ?? COMMENT_LIMIT;
  const size =
    opts.measure === 'bytes' ? (s: string) => Buffer.byteLength(s, 'utf8') : (s: string) => s.length;
  const changes = opts.changes ?? (opts.previous ? diffStates(opts.previous, report) : noBaseline(report));
  const byName = new Map(changes.servers.map((c) => [c.name, c]));
  // where trimmed details can be read: the job summary, or (in the summary itself) the JSON report
  const summary = opts.summaryUrl
    ? `the ${link('job summary', opts.summaryUrl)}`
    : "the JSON report (the action's `report` output)";
  const marker = opts.marker === false ? [] : [MARKER];

  const headLines = [...marker, ...verdict(report, changes), ''];
  const tail = [
    '',
    ...howTo(report),
    '',
    `<sub>mcp-vet ${inline(report.tool.version)}${opts.summaryUrl ? ` · ${link('job summary', opts.summaryUrl)}` : ''}</sub>`,
    '',
  ].join('\n');
  const rows = report.servers.map((s) => tableRow(s, byName.get(s.package.name), report.failOn));
  const removed = changes.servers.filter((c) => c.change === 'removed');
  for (const c of removed)
    rows.push(`| ➖ ${inline(`${c.name}@${c.from ?? '?'}`)} (removed) | | | | | | | |`);
  const tableHead = [
    '| server | deps | critical | high | medium | low | new permissions | tools |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  // the table is part of the head, but with thousands of servers even it must be cut
  const fixed = size(headLines.join('\n')) + size(tail) + size(tableHead.join('\n')) + 400;
  let tableBudget = limit - fixed;
  const keptRows: string[] = [];
  for (const r of rows) {
    const n = size(r) + 1;
    if (n > tableBudget) break;
    keptRows.push(r);
    tableBudget -= n;
  }
  const table = [...tableHead, ...keptRows];
  if (keptRows.length < rows.length) {
    table.push('', `_${rows.length - keptRows.length} more servers are listed in ${summary}._`);
  }
  const head = [...headLines, ...table, '', blockingLine(report, changes)].join('\n');

  let budget = limit - size(head) - size(tail) - 600;
  const parts: string[] = [];
  let omitted = 0;
  for (const section of detailSections(report, changes, opts.previous)) {
    if (!section.items.length) continue;
    const open = `\n<details><summary>${section.title}</summary>\n`;
    const close = '\n</details>';
    const kept: string[] = [];
    let cost = size(open) + size(close) + 200;
    if (cost > budget) {
      omitted += section.items.length;
      continue;
    }
    for (const make of section.items) {
      const item = make();
      const candidates = [item.full, ...(item.short ? [item.short] : [])];
      const fit = candidates.find((c) => cost + size(c) + 2 <= budget);
      if (fit === undefined) break;
      kept.push(fit);
      cost += size(fit) + 2;
    }
    const left = section.items.length - kept.length;
    omitted += left;
    if (!kept.length) continue;
    if (left) kept.push(`_${left} more not shown here: see ${summary}._`);
    parts.push(`${open}\n${kept.join('\n\n')}\n${close}`);
    budget -= cost;
  }
  if (omitted) {
    parts.push(`\n_Details trimmed to fit: ${omitted} more items are in ${summary}._`);
  }
  const body = `${head}\n${parts.join('\n')}\n${tail}`;
  if (size(body) <= limit) return body;
  // cannot happen with the budgets above, but the API would reject the body: say only the verdict
  return [...headLines, `The full result is in ${summary}.`, ''].join('\n').slice(0, limit);
}

function verdict(report: Report, changes: Changes): string[] {
  const n = report.servers.length;
  const blocking = report.servers.flatMap((s) => s.findings.filter((f) => blocks(f, report.failOn)));
  const rejected = report.servers.filter((s) => s.findings.some((f) => blocks(f, report.failOn))).length;
  const title =
    report.decision === 'approve'
      ? `## ✅ mcp-vet approves ${plural(n, 'MCP server')}`
      : `## ❌ mcp-vet rejects: ${plural(blocking.length, 'blocking finding')} in ${rejected} of ${plural(n, 'server')}`;
  const out = [title, ''];
  const what: string[] = [];
  for (const c of changes.servers) {
    if (c.change === 'added') what.push(`adds ${inline(`${c.name}@${c.to ?? '?'}`)}`);
    else if (c.change === 'updated')
      what.push(`updates ${inline(c.name)} ${inline(c.from ?? '?')} → ${inline(c.to ?? '?')}`);
    else if (c.change === 'removed') what.push(`removes ${inline(c.name)}`);
  }
  if (changes.baseline === 'lockfile') {
    out.push(
      what.length
        ? `This change ${joinList(what.slice(0, 20))}${what.length > 20 ? ` and ${what.length - 20} more` : ''}.`
        : 'No MCP server changed against the lockfile.',
    );
  } else {
    out.push(
      `${changes.note ? `${inline(changes.note, 500)} ` : ''}No lockfile to compare with: every server, permission, tool and finding is shown as new.`,
    );
  }
  return out;
}

function blockingLine(report: Report, changes: Changes): string {
  const newKeys = new Set(changes.servers.flatMap((c) => c.newFindings ?? []));
  let total = 0;
  let fresh = 0;
  let suppressed = 0;
  for (const s of report.servers) {
    for (const f of s.findings) {
      if (f.suppressed) suppressed++;
      if (f.severity === 'info') continue;
      total++;
      if (newKeys.has(findingKey(s.package.name, f))) fresh++;
    }
  }
  const files = Array.isArray(report.policy?.files) ? report.policy.files : [];
  const parts = [
    files.length
      ? `Decided by the policy ${files.map((f) => inline(f)).join(' ← ')}.`
      : `Rejects at **${report.failOn}** or worse (malware always).`,
  ];
  parts.push(
    changes.baseline === 'lockfile'
      ? `${plural(total, 'finding')}: ${fresh} new, ${total - fresh} already in the lock.`
      : `${plural(total, 'finding')}.`,
  );
  if (suppressed) parts.push(`${suppressed} suppressed by the policy file.`);
  return parts.join(' ');
}

function tableRow(s: ServerReport, c: ServerChange | undefined, failOn: Severity): string {
  const sev = (x: Severity): string => {
    const n = s.findings.filter((f) => f.severity === x && !f.suppressed).length;
    return n ? `**${n}**` : '0';
  };
  const mark = s.findings.some((f) => blocks(f, failOn)) ? '❌' : '✅';
  const tag =
    c?.change === 'added' ? ' (new)' : c?.change === 'updated' ? ` (was ${inline(c.from ?? '?')})` : '';
  const perms = c?.newPermissions?.length ? c.newPermissions.map((p) => inline(p)).join(', ') : '—';
  const tools = toolCell(s, c);
  return `| ${mark} ${inline(`${s.package.name}@${s.package.version}`)}${tag} | ${s.stats.packages} | ${SEVERITIES.map(sev).join(' | ')} | ${perms} | ${tools} |`;
}

function toolCell(s: ServerReport, c: ServerChange | undefined): string {
  if (!s.manifest) return 'not read';
  const t = c?.tools;
  const total = s.manifest.tools.length;
  if (!t) return `${total}`;
  if (c?.change === 'added') return `${total} new`;
  const bits = [
    t.added.length ? `+${t.added.length} new` : '',
    t.changed.length ? `${t.changed.length} changed` : '',
    t.removed.length ? `−${t.removed.length} removed` : '',
  ].filter(Boolean);
  return bits.length ? bits.join(', ') : `${total}, unchanged`;
}

interface Item {
  full: string;
  /** A shorter form tried when the full one does not fit. */
  short?: string;
}

interface Section {
  title: string;
  /** Rendered only when there is room for them: a huge report costs what fits, not what exists. */
  items: (() => Item)[];
}

function detailSections(report: Report, changes: Changes, previous: PreviousState | undefined): Section[] {
  const byName = new Map(changes.servers.map((c) => [c.name, c]));
  const newKeys = new Set(changes.servers.flatMap((c) => c.newFindings ?? []));
  const isNew = (s: ServerReport, f: Finding): boolean =>
    changes.baseline === 'none' || newKeys.has(findingKey(s.package.name, f));
  const advisories: (() => Item)[] = [];
  const toolItems: (() => Item)[] = [];
  const caps: (() => Item)[] = [];
  const other: (() => Item)[] = [];
  const accepted: (() => Item)[] = [];
  const prevTools = new Map(
    (previous?.servers ?? []).map((p) => [p.package.name, toolMap(p.manifest?.tools ?? [])]),
  );

  for (const s of report.servers) {
    const who = inline(`${s.package.name}@${s.package.version}`);
    const c = byName.get(s.package.name);
    const tools = toolMap(s.manifest?.tools ?? []);
    const shown = new Set(c?.tools ? [...c.tools.added, ...c.tools.changed] : tools.keys());
    for (const f of s.findings) {
      if (f.severity === 'info' && !f.suppressed) continue;
      const line = (): Item => ({ full: `- ${who}: ${findingLine(f, report.failOn)}` });
      if (!isNew(s, f)) {
        accepted.push(line);
        continue;
      }
      if (f.rule === 'vulnerability' || f.rule === 'malware')
        advisories.push(() => advisoryItem(who, f, report.failOn));
      else if (typeof f.tool === 'string' && shown.has(f.tool) && tools.has(f.tool))
        continue; // with its tool
      else other.push(line);
    }
    for (const name of shown) {
      const tool = tools.get(name);
      if (!tool) continue;
      const before = prevTools.get(s.package.name)?.get(name);
      const changed = c?.tools?.changed.includes(name) ?? false;
      toolItems.push(() => toolItem(s, who, tool, before, changed));
    }

    const perms = s.permissions;
    for (const cap of c?.newPermissions ?? []) {
      const entries =
        (perms?.capabilities as Record<string, CapEntry[] | undefined> | undefined)?.[cap] ?? [];
      caps.push(() => capabilityItem(who, cap, entries));
    }
  }
  return [
    { title: `Advisories (${advisories.length})`, items: advisories },
    { title: `New or changed tools (${toolItems.length})`, items: toolItems },
    { title: `New capabilities (${caps.length})`, items: caps },
    { title: `Other findings (${other.length})`, items: other },
    { title: `Already accepted in the lock (${accepted.length})`, items: accepted },
  ];
}

interface CapEntry {
  package: string;
  version: string;
  own?: true;
  path: string[];
  evidence: { file: string; line: number; api: string }[];
  count: number;
}

function findingLine(f: Finding, failOn: Severity): string {
  const sev = blocks(f, failOn) ? `**${f.severity}** (blocking)` : f.severity;
  const sup = f.suppressed as { reason?: string; expires?: string } | undefined;
  const suppressed = sup
    ? ` — suppressed until ${inline(sup.expires ?? '?')}: ${inline(sup.reason ?? '')}`
    : '';
  return `${sev} ${inline(f.rule)}: ${inline(f.message, 400)}${suppressed}`;
}

function advisoryItem(who: string, f: Finding, failOn: Severity): Item {
  const id = typeof f.id === 'string' ? f.id : f.rule;
  const url = `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
  const aliases =
    Array.isArray(f.aliases) && f.aliases.length ? ` (${inline((f.aliases as string[]).join(', '))})` : '';
  const score = typeof f.score === 'number' ? `, CVSS ${f.score.toFixed(1)}` : '';
  const fixed =
    Array.isArray(f.fixed) && f.fixed.length
      ? `fixed in ${inline((f.fixed as string[]).join(', '))}`
      : 'no fixed version';
  const path = Array.isArray(f.path) ? (f.path as string[]).map((p) => inline(p)).join(' › ') : '';
  const sev = blocks(f, failOn) ? `**${f.severity}**` : f.severity;
  const summary = typeof f.summary === 'string' && f.summary ? `: ${inline(f.summary, 200)}` : '';
  const lines = [
    `- ${link(id, url)}${aliases} — ${sev}${score} in ${inline(`${f.package ?? '?'}@${f.version ?? '?'}`)} (${who})${summary}`,
    `  ${fixed}${path ? `; path ${path}` : ''}`,
  ];
  if (typeof f.remediation === 'string') lines.push(`  → ${inline(f.remediation, 300)}`);
  if (f.suppressed) lines.push(`  suppressed: ${inline(JSON.stringify(f.suppressed), 300)}`);
  return { full: lines.join('\n') };
}

function toolItem(
  s: ServerReport,
  who: string,
  tool: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
  changed: boolean,
): Item {
  const name = String(tool.name);
  const description = typeof tool.description === 'string' ? tool.description : '';
  const findings = s.findings.filter((f) => f.tool === name && typeof f.pointer === 'string');
  const head = `**${who}** › tool ${inline(name, 120)} — ${changed ? 'changed' : 'new'}${findings.length ? `, ${plural(findings.length, 'finding')}` : ''}`;
  const flagged = findings.map(
    (f) =>
      `- ${f.severity} ${inline(f.rule)} at ${inline(String(f.pointer) || '/')}: ${inline(f.message, 200)}${typeof f.excerpt === 'string' && f.excerpt ? ` — ${inline(f.excerpt, 200)}` : ''}`,
  );
  const oldDescription = before && typeof before.description === 'string' ? before.description : undefined;
  const diff =
    changed && oldDescription !== undefined && oldDescription !== description
      ? [
          'Word diff against the lock (`[-removed-]` `{+added+}`):',
          '',
          codeBlock(wordDiff(oldDescription, description)),
        ]
      : [];
  const params = paramDescriptions(tool);
  const full = [
    head,
    ...flagged,
    '',
    'Description, in full (invisible characters shown as `<U+…>`):',
    '',
    codeBlock(description || '(none)'),
    ...(diff.length ? ['', ...diff] : []),
    ...(params ? ['', 'Parameter descriptions:', '', codeBlock(params)] : []),
  ].join('\n');
  const cut =
    description.length > 1500
      ? `${description.slice(0, 1500)}… (${description.length - 1500} more characters in the job summary)`
      : description;
  const short = [head, ...flagged.slice(0, 5), '', codeBlock(cut || '(none)')].join('\n');
  return { full, short };
}

/** `name: description` for each input parameter that has one (attack surface the model reads too). */
function paramDescriptions(tool: Record<string, unknown>): string {
  const schema = tool.inputSchema as { properties?: Record<string, unknown> } | undefined;
  const props = schema && typeof schema.properties === 'object' && schema.properties ? schema.properties : {};
  const out: string[] = [];
  for (const [k, v] of Object.entries(props)) {
    const d = (v as { description?: unknown } | null)?.description;
    if (typeof d === 'string' && d) out.push(`${k}: ${d}`);
  }
  return out.join('\n');
}

function capabilityItem(who: string, cap: string, entries: CapEntry[]): Item {
  const lines = [
    `- **${inline(cap)}** in ${who} — ${entries.length ? plural(entries.length, 'package') : 'declared'}`,
  ];
  for (const e of entries.slice(0, 5)) {
    const ev = e.evidence
      .slice(0, 3)
      .map((x) => `${inline(`${x.file}:${x.line}`)} ${inline(x.api, 80)}`)
      .join('; ');
    const path = e.own ? 'the server itself' : e.path.map((p) => inline(p)).join(' › ');
    lines.push(
      `  - ${inline(`${e.package}@${e.version}`)} (${path}): ${ev}${e.count > 3 ? ` and ${e.count - 3} more` : ''}`,
    );
  }
  if (entries.length > 5) lines.push(`  - and ${entries.length - 5} more packages`);
  return { full: lines.join('\n') };
}

function howTo(report: Report): string[] {
  const firstVuln = report.servers.flatMap((s) => s.findings).find((f) => typeof f.id === 'string');
  // the id lands in a code block: only a plain advisory id may go there
  const id =
    typeof firstVuln?.id === 'string' && /^[A-Za-z0-9._:-]{1,80}$/.test(firstVuln.id)
      ? firstVuln.id
      : 'GHSA-xxxx-xxxx-xxxx';
  return [
    '<details><summary>How to approve or suppress</summary>',
    '',
    '**Approve** what this change brings: run `npx mcp-vet lock` and commit `mcp-vet.lock.json`. The lock records each server, its dependency tree, its permissions and the tools it shows the model; later runs flag anything that changes.',
    '',
    '**Suppress** a finding you have reviewed, with a reason and an expiry, in `.mcp-vet.yml`:',
    '',
    '```yaml',
    'suppressions:',
    `  - id: ${id}`,
    '    reason: only reached with trusted input',
    '    expires: 2026-12-31',
    '```',
    '',
    '</details>',
  ];
}

/** Word diff in git's `--word-diff=plain` notation. Quadratic, so capped; falls back to before/after. */
export function wordDiff(before: string, after: string): string {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  if (a.length * b.length > 4_000_000) return `[-${before}-]{+${after}+}`;
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] =
        a[i] === b[j]
          ? dp[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  let out = '';
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) out += `[-${del}-]`;
    if (ins) out += `{+${ins}+}`;
    del = '';
    ins = '';
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out += a[i];
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i * (m + 1) + j + 1]! >= dp[(i + 1) * (m + 1) + j]!)) {
      ins += b[j++];
    } else {
      del += a[i++];
    }
  }
  flush();
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
