/**
 * What changed between two lockfiles (or a lock entry and what a server is now): a list of
 * `Change`s, each with its rule id, severity and the details a reviewer needs. Pure and
 * deterministic: the same two locks give the same list in the same order.
 */
import type { Finding, Severity } from '../model.js';
import { isBidiControl, isControl, isInvisible } from '../tools/unicode.js';
import {
  sortKeys,
  type Hashed,
  type LockEntry,
  type LockFile,
  type LockedManifest,
  type LockedPermissions,
  type LockedTool,
  type NpmLockEntry,
} from './format.js';
import { renderStructural, short, similarity, structuralDiff, wordDiff } from './textdiff.js';

export type ChangeKind =
  | 'server-added'
  | 'server-removed'
  | 'server-changed'
  | 'declaration-changed'
  | 'entry-changed'
  | 'package-changed'
  | 'version-changed'
  | 'integrity-mismatch'
  | 'dependencies-changed'
  | 'tool-added'
  | 'tool-removed'
  | 'tool-renamed'
  | 'tool-changed'
  | 'tool-annotations-changed'
  | 'instructions-changed'
  | 'prompts-changed'
  | 'resources-changed'
  | 'manifest-source-changed'
  | 'permission-gained'
  | 'permission-lost';

/** One line of detail: a field and how it changed. */
export interface ChangeDetail {
  /** `description`, `inputSchema`, `dependencies`, `network`, … */
  field: string;
  /** Word-level diff of a text field: `Sends an email [-to-]{+and+} …` (invisible characters as `<U+200B>`). */
  words?: string;
  /** Structural diff lines: `+ /properties/bcc: {"type":"string"}`, `- /x: …`, `~ /y: a → b`. */
  lines?: string[];
}

export interface Change {
  kind: ChangeKind;
  /** Finding rule id: `lock-` + a name (see README, "Change kinds"). */
  rule: string;
  severity: Severity;
  /** The server's name in the config (the lockfile key). */
  server: string;
  /** The tool, prompt or resource concerned, when there is one. */
  item?: string;
  message: string;
  details: ChangeDetail[];
}

const KIND_RULE: Record<ChangeKind, string> = {
  'server-added': 'lock-missing',
  'server-removed': 'lock-stale',
  'server-changed': 'lock-server-changed',
  'declaration-changed': 'lock-declaration-changed',
  'entry-changed': 'lock-entry-changed',
  'package-changed': 'lock-package-changed',
  'version-changed': 'lock-version-changed',
  'integrity-mismatch': 'lock-integrity-mismatch',
  'dependencies-changed': 'lock-dependencies-changed',
  'tool-added': 'lock-tool-added',
  'tool-removed': 'lock-tool-removed',
  'tool-renamed': 'lock-tool-renamed',
  'tool-changed': 'lock-tool-changed',
  'tool-annotations-changed': 'lock-tool-annotations-changed',
  'instructions-changed': 'lock-instructions-changed',
  'prompts-changed': 'lock-prompts-changed',
  'resources-changed': 'lock-resources-changed',
  'manifest-source-changed': 'lock-manifest-source-changed',
  'permission-gained': 'lock-permission-gained',
  'permission-lost': 'lock-permission-lost',
};

/** Capabilities whose appearance is high severity (the rest are medium). */
const DANGEROUS = new Set([
  'network',
  'shell',
  'fs-write',
  'dynamic-code',
  'native-code',
  'install-scripts',
  'obfuscated',
  'sensitive-paths',
]);

const RENAME_THRESHOLD = 0.85;

function change(
  kind: ChangeKind,
  severity: Severity,
  server: string,
  message: string,
  details: ChangeDetail[] = [],
  item?: string,
): Change {
  return {
    kind,
    rule: KIND_RULE[kind],
    severity,
    server,
    ...(item !== undefined ? { item } : {}),
    message,
    details,
  };
}

export function diffLocks(before: LockFile | undefined, after: LockFile): Change[] {
  const a = before?.servers ?? {};
  const b = after.servers;
  const out: Change[] = [];
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out.push(...diffEntries(name, a[name], b[name]));
  }
  return out;
}

export function diffEntries(name: string, a: LockEntry | undefined, b: LockEntry | undefined): Change[] {
  if (!a && !b) return [];
  const where = (e: LockEntry): string => e.declaredAt.map((d) => d.file).join(', ');
  if (!a) {
    return [
      change(
        'server-added',
        'high',
        name,
        `server "${name}" (${where(b!)}) is not in the lock: it has never been reviewed; run "mcp-vet lock" and review the lockfile diff`,
        [{ field: 'runs', words: describe(b!) }],
      ),
    ];
  }
  if (!b) {
    return [
      change(
        'server-removed',
        'low',
        name,
        `server "${name}" is in the lock but in no config: remove it with "mcp-vet lock"`,
        [{ field: 'runs', words: describe(a) }],
      ),
    ];
  }
  const out: Change[] = [];
  const da = JSON.stringify(sortKeys(a.declaredAt));
  const db = JSON.stringify(sortKeys(b.declaredAt));
  if (da !== db) {
    out.push(
      change(
        'declaration-changed',
        'low',
        name,
        `server "${name}" is now declared in ${where(b)} (was ${where(a)})`,
      ),
    );
  }
  if (a.kind !== 'npm' || b.kind !== 'npm') {
    if (a.kind !== b.kind || describe(a) !== describe(b)) {
      out.push(
        change(
          'server-changed',
          'high',
          name,
          `server "${name}" now runs ${describe(b)} (was ${describe(a)})`,
          [{ field: 'runs', words: wordDiff(describe(a), describe(b)) }],
        ),
      );
    } else if (a.entrySha256 !== b.entrySha256) {
      out.push(
        change(
          'entry-changed',
          'medium',
          name,
          `server "${name}": its config entry (arguments, environment or headers) changed`,
        ),
      );
    }
    return out;
  }
  return [...out, ...diffNpm(name, a, b)];
}

function describe(e: LockEntry): string {
  return e.kind === 'npm' ? `${e.package.name}@${e.package.version}` : `${e.kind} ${e.ref}`;
}

function diffNpm(name: string, a: NpmLockEntry, b: NpmLockEntry): Change[] {
  const out: Change[] = [];
  const pa = a.package;
  const pb = b.package;
  if (pa.name !== pb.name) {
    out.push(
      change(
        'package-changed',
        'high',
        name,
        `server "${name}" now runs the package ${pb.name} (was ${pa.name})`,
        [{ field: 'package', words: wordDiff(pa.name, pb.name) }],
      ),
    );
  } else if (pa.version !== pb.version) {
    out.push(
      change(
        'version-changed',
        'medium',
        name,
        `server "${name}": ${pa.name} ${pa.version} → ${pb.version}`,
        [{ field: 'version', words: wordDiff(pa.version, pb.version) }],
      ),
    );
  } else if (pa.integrity !== pb.integrity) {
    out.push(
      change(
        'integrity-mismatch',
        'critical',
        name,
        `server "${name}": ${pa.name}@${pa.version} now has other bytes than when it was locked (republished or tampered with): do not run it`,
        [{ field: 'integrity', lines: [`- ${pa.integrity}`, `+ ${pb.integrity}`] }],
      ),
    );
  }
  if (a.entrySha256 !== b.entrySha256 && a.spec === b.spec) {
    out.push(
      change(
        'entry-changed',
        'medium',
        name,
        `server "${name}": its config entry (arguments or environment) changed`,
      ),
    );
  }
  out.push(...diffDependencies(name, a.dependencies, b.dependencies));
  if (a.manifest && b.manifest) out.push(...diffManifest(name, a.manifest, b.manifest));
  else if (!a.manifest !== !b.manifest) {
    out.push(
      change(
        'manifest-source-changed',
        'low',
        name,
        `server "${name}": what it shows the model was ${a.manifest ? 'recorded' : 'not recorded'} in the lock and is ${b.manifest ? 'recorded' : 'not recorded'} now`,
      ),
    );
  }
  if (a.permissions && b.permissions) out.push(...diffPermissions(name, a.permissions, b.permissions));
  return out;
}

function splitKey(k: string): [string, string] {
  const at = k.lastIndexOf('@');
  return at > 0 ? [k.slice(0, at), k.slice(at + 1)] : [k, ''];
}

function diffDependencies(
  server: string,
  a: Record<string, string | null>,
  b: Record<string, string | null>,
): Change[] {
  const out: Change[] = [];
  const lines: string[] = [];
  const tampered: string[] = [];
  const byName = (d: Record<string, string | null>): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const k of Object.keys(d)) {
      const [n, v] = splitKey(k);
      m.set(n, [...(m.get(n) ?? []), v]);
    }
    return m;
  };
  const na = byName(a);
  const nb = byName(b);
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const n of [...new Set([...na.keys(), ...nb.keys()])].sort()) {
    const va = na.get(n) ?? [];
    const vb = nb.get(n) ?? [];
    if (!va.length) {
      added++;
      lines.push(`+ ${n}@${vb.join(', ')}`);
    } else if (!vb.length) {
      removed++;
      lines.push(`- ${n}@${va.join(', ')}`);
    } else if (va.join() !== vb.join()) {
      changed++;
      lines.push(`~ ${n} ${va.join(', ')} → ${vb.join(', ')}`);
    }
    for (const v of va.filter((x) => vb.includes(x))) {
      const k = `${n}@${v}`;
      if (a[k] !== b[k]) tampered.push(k);
    }
  }
  if (tampered.length) {
    out.push(
      change(
        'integrity-mismatch',
        'critical',
        server,
        `server "${server}": ${tampered.length} dependenc${tampered.length === 1 ? 'y has' : 'ies have'} other bytes than when locked, same version (republished or tampered with): ${tampered.join(', ')}`,
        [{ field: 'dependencies', lines: tampered.flatMap((k) => [`- ${k} ${a[k]}`, `+ ${k} ${b[k]}`]) }],
      ),
    );
  }
  if (lines.length) {
    const parts = [
      added && `${added} added`,
      removed && `${removed} removed`,
      changed && `${changed} changed`,
    ].filter(Boolean);
    out.push(
      change(
        'dependencies-changed',
        'medium',
        server,
        `server "${server}": dependencies ${parts.join(', ')}`,
        [{ field: 'dependencies', lines }],
      ),
    );
  }
  return out;
}

function hiddenCount(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (
      isInvisible(cp) ||
      isBidiControl(cp) ||
      (isControl(cp) && cp !== 0x0a && cp !== 0x09 && cp !== 0x0d) ||
      (cp >= 0xe0000 && cp <= 0xe007f)
    )
      n++;
  }
  return n;
}

/** Every string inside a value, concatenated (to count hidden characters anywhere in a field). */
function allText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(allText).join('\n');
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}\n${allText(x)}`)
      .join('\n');
  return '';
}

function fieldDetail(field: string, a: Hashed | undefined, b: Hashed | undefined): ChangeDetail {
  const va = a?.value;
  const vb = b?.value;
  if (typeof va === 'string' && typeof vb === 'string') return { field, words: wordDiff(va, vb) };
  if (a === undefined) return { field, lines: [`+ ${short(vb, 400)}`] };
  if (b === undefined) return { field, lines: [`- ${short(va, 400)}`] };
  return { field, lines: renderStructural(structuralDiff(va, vb)) };
}

function toolText(t: LockedTool, without: string[] = ['name']): string {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t.fields)) if (!without.includes(k)) o[k] = v.value;
  return JSON.stringify(o);
}

function diffTool(
  server: string,
  name: string,
  a: LockedTool,
  b: LockedTool,
  renamedFrom?: string,
): Change[] {
  const out: Change[] = [];
  const fields = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].sort();
  const changed = fields.filter((f) => f !== 'name' && a.fields[f]?.sha256 !== b.fields[f]?.sha256);
  const main = changed.filter((f) => f !== 'annotations');
  if (renamedFrom !== undefined) {
    out.push(
      change(
        'tool-renamed',
        'high',
        server,
        `server "${server}": tool "${renamedFrom}" is now called "${name}"${main.length ? ` and its ${main.join(', ')} changed` : ''}`,
        [
          { field: 'name', words: wordDiff(renamedFrom, name) },
          ...main.map((f) => fieldDetail(f, a.fields[f], b.fields[f])),
        ],
        name,
      ),
    );
  } else if (main.length) {
    const hiddenBefore = main.reduce((n, f) => n + hiddenCount(allText(a.fields[f]?.value)), 0);
    const hiddenAfter = main.reduce((n, f) => n + hiddenCount(allText(b.fields[f]?.value)), 0);
    const hidden = hiddenAfter > hiddenBefore;
    out.push(
      change(
        'tool-changed',
        hidden ? 'critical' : 'high',
        server,
        `server "${server}": tool "${name}" changed its ${main.join(', ')}${hidden ? ` and now carries ${hiddenAfter - hiddenBefore} more invisible character${hiddenAfter - hiddenBefore === 1 ? '' : 's'}` : ''} — what the model reads is not what was reviewed`,
        main.map((f) => fieldDetail(f, a.fields[f], b.fields[f])),
        name,
      ),
    );
  }
  if (changed.includes('annotations')) {
    out.push(
      change(
        'tool-annotations-changed',
        'medium',
        server,
        `server "${server}": tool "${name}" changed its annotations (hints clients use to decide about confirmation)`,
        [fieldDetail('annotations', a.fields.annotations, b.fields.annotations)],
        name,
      ),
    );
  }
  return out;
}

function diffManifest(server: string, a: LockedManifest, b: LockedManifest): Change[] {
  const out: Change[] = [];
  if (a.source !== b.source) {
    out.push(
      change(
        'manifest-source-changed',
        'low',
        server,
        `server "${server}": its tools were read by ${a.source} when locked and by ${b.source} now, so the lists may differ for that reason`,
      ),
    );
  }
  const removed = Object.keys(a.tools).filter((t) => !(t in b.tools));
  const added = Object.keys(b.tools).filter((t) => !(t in a.tools));
  const renamed = new Map<string, string>(); // new → old
  for (const n of added) {
    let best: [string, number] | undefined;
    for (const o of removed) {
      if ([...renamed.values()].includes(o)) continue;
      const s = similarity(toolText(a.tools[o]!), toolText(b.tools[n]!));
      if (s >= RENAME_THRESHOLD && (!best || s > best[1])) best = [o, s];
    }
    if (best) renamed.set(n, best[0]);
  }
  const renamedOld = new Set(renamed.values());
  for (const name of [...new Set([...Object.keys(a.tools), ...Object.keys(b.tools)])].sort()) {
    const ta = a.tools[name];
    const tb = b.tools[name];
    if (ta && tb) {
      if (ta.sha256 !== tb.sha256) out.push(...diffTool(server, name, ta, tb));
    } else if (tb && renamed.has(name)) {
      const old = renamed.get(name)!;
      out.push(...diffTool(server, name, a.tools[old]!, tb, old));
    } else if (tb) {
      const d = tb.fields.description?.value;
      out.push(
        change(
          'tool-added',
          'medium',
          server,
          `server "${server}": new tool "${name}"`,
          [
            {
              field: 'description',
              words: typeof d === 'string' ? `{+${wordDiff('', d).slice(2, -2)}+}` : '(none)',
            },
            ...(tb.fields.inputSchema ? [fieldDetail('inputSchema', undefined, tb.fields.inputSchema)] : []),
          ],
          name,
        ),
      );
    } else if (ta && !renamedOld.has(name)) {
      out.push(
        change('tool-removed', 'low', server, `server "${server}": tool "${name}" was removed`, [], name),
      );
    }
  }
  const ia = a.instructions;
  const ib = b.instructions;
  if ((ia?.sha256 ?? null) !== (ib?.sha256 ?? null)) {
    out.push(
      change(
        'instructions-changed',
        'high',
        server,
        `server "${server}": its instructions to the model changed`,
        [{ field: 'instructions', words: wordDiff(ia?.value ?? '', ib?.value ?? '') }],
      ),
    );
  }
  const lists: [keyof LockedManifest, ChangeKind, Severity, string][] = [
    ['prompts', 'prompts-changed', 'high', 'prompt'],
    ['resources', 'resources-changed', 'medium', 'resource'],
    ['resourceTemplates', 'resources-changed', 'medium', 'resource template'],
  ];
  for (const [key, kind, severity, label] of lists) {
    const la = a[key] as Record<string, Hashed>;
    const lb = b[key] as Record<string, Hashed>;
    for (const k of [...new Set([...Object.keys(la), ...Object.keys(lb)])].sort()) {
      if (la[k]?.sha256 === lb[k]?.sha256) continue;
      const what = !la[k] ? 'added' : !lb[k] ? 'removed' : 'changed';
      out.push(
        change(
          kind,
          what === 'removed' ? 'low' : severity,
          server,
          `server "${server}": ${label} "${k}" ${what}`,
          [fieldDetail(label, la[k], lb[k])],
          k,
        ),
      );
    }
  }
  return out;
}

function diffPermissions(server: string, a: LockedPermissions, b: LockedPermissions): Change[] {
  const out: Change[] = [];
  for (const cap of [...new Set([...Object.keys(a.capabilities), ...Object.keys(b.capabilities)])].sort()) {
    const pa = a.capabilities[cap] ?? [];
    const pb = b.capabilities[cap] ?? [];
    const gained = pb.filter((p) => !pa.includes(p));
    if (!pa.length && pb.length) {
      out.push(
        change(
          'permission-gained',
          DANGEROUS.has(cap) ? 'high' : 'medium',
          server,
          `server "${server}" gained the capability ${cap} (from ${pb.join(', ')})`,
          [{ field: cap, lines: pb.map((p) => `+ ${p}`) }],
          cap,
        ),
      );
    } else if (pa.length && !pb.length) {
      out.push(
        change(
          'permission-lost',
          'info',
          server,
          `server "${server}" no longer has the capability ${cap}`,
          [{ field: cap, lines: pa.map((p) => `- ${p}`) }],
          cap,
        ),
      );
    } else if (gained.length) {
      out.push(
        change(
          'permission-gained',
          'medium',
          server,
          `server "${server}": ${cap} is now also brought by ${gained.join(', ')}`,
          [{ field: cap, lines: gained.map((p) => `+ ${p}`) }],
          cap,
        ),
      );
    }
  }
  for (const k of ['env', 'inputs', 'remotes', 'transports'] as const) {
    const gained = b.declared[k].filter((x) => !a.declared[k].includes(x));
    const lost = a.declared[k].filter((x) => !b.declared[k].includes(x));
    if (gained.length) {
      out.push(
        change(
          'permission-gained',
          'medium',
          server,
          `server "${server}" now declares ${k}: ${gained.join(', ')}`,
          [{ field: `declared.${k}`, lines: gained.map((x) => `+ ${x}`) }],
          `declared.${k}`,
        ),
      );
    }
    if (lost.length) {
      out.push(
        change(
          'permission-lost',
          'info',
          server,
          `server "${server}" no longer declares ${k}: ${lost.join(', ')}`,
          [{ field: `declared.${k}`, lines: lost.map((x) => `- ${x}`) }],
          `declared.${k}`,
        ),
      );
    }
  }
  return out;
}

/** A change as a report finding (rule, severity, message, plus the change's fields). */
export function changeToFinding(c: Change): Finding {
  return {
    rule: c.rule,
    severity: c.severity,
    message: c.message,
    server: c.server,
    kind: c.kind,
    ...(c.item !== undefined ? { item: c.item } : {}),
    details: c.details,
  };
}
