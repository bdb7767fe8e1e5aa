/**
 * The lockfile `mcp-vet.lock.json`: format version 1 (documented in the README, "The lockfile").
 *
 * Canonical: keys sorted at every level, two-space indentation (one element per line), a final
 * newline, no timestamps and no absolute paths — the same inputs give the same bytes. Every text
 * the model sees is kept next to its SHA-256, so a diff can show the text and a hand edit that
 * breaks the pairing is caught on read.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { VetError } from '../errors.js';
import type { ServerReport } from '../pipeline/vet.js';
import type { McpTool } from '../manifest/types.js';

export const LOCKFILE_NAME = 'mcp-vet.lock.json';
export const LOCKFILE_VERSION = 1;

export interface Hashed<T = unknown> {
  sha256: string;
  value: T;
}

export interface LockedTool {
  /** SHA-256 of the whole canonical tool object. */
  sha256: string;
  /** Every field of the tool (`description`, `inputSchema`, `annotations`, `title`, …), hashed. */
  fields: Record<string, Hashed>;
}

export interface LockedManifest {
  /** `introspection` (the server ran) or `static` (read from its files). */
  source: string;
  instructions: Hashed<string> | null;
  /** By tool name (a duplicate name gets `#2`, `#3`). */
  tools: Record<string, LockedTool>;
  /** By prompt name, resource URI, template URI template. */
  prompts: Record<string, Hashed>;
  resources: Record<string, Hashed>;
  resourceTemplates: Record<string, Hashed>;
}

export interface LockedPermissions {
  /** Capability → the packages (names) that bring it. */
  capabilities: Record<string, string[]>;
  own: string[];
  dependencies: string[];
  /** What the server declares: env variable names, file/directory inputs, remotes, transports. */
  declared: { env: string[]; inputs: string[]; remotes: string[]; transports: string[] };
}

export interface LockDeclaration {
  file: string;
  client: string;
}

export interface NpmLockEntry {
  kind: 'npm';
  /** The spec in the config (`pkg@1.2.3`). */
  spec: string;
  declaredAt: LockDeclaration[];
  /** SHA-256 of the canonical config entry (command, args, env, url): `lock` re-vets when it changes. */
  entrySha256: string;
  package: { name: string; version: string; integrity: string | null };
  /** `name@version` → integrity (null for bundled packages). */
  dependencies: Record<string, string | null>;
  manifest: LockedManifest | null;
  permissions: LockedPermissions | null;
}

export interface OtherLockEntry {
  kind: 'pypi' | 'oci' | 'remote' | 'node' | 'unknown';
  /** What runs: PyPI spec, image reference, URL, script or command. */
  ref: string;
  declaredAt: LockDeclaration[];
  entrySha256: string;
}

export type LockEntry = NpmLockEntry | OtherLockEntry;

export interface LockFile {
  lockfileVersion: 1;
  servers: Record<string, LockEntry>;
}

/** JSON with sorted keys, two-space indentation and a final newline. */
export function canonicalJson(v: unknown): string {
  return `${JSON.stringify(sortKeys(v), null, 2)}\n`;
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

export function sha256(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(sortKeys(v));
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashed<T>(value: T): Hashed<T> {
  return { sha256: sha256(value), value };
}

function keyed(items: unknown[], keyOf: (o: Record<string, unknown>) => unknown): Record<string, Hashed> {
  const out: Record<string, Hashed> = {};
  for (const item of items) {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const base = String(keyOf(o) ?? '(unnamed)');
    let k = base;
    for (let n = 2; k in out; n++) k = `${base}#${n}`;
    out[k] = hashed(item);
  }
  return out;
}

export function lockTool(tool: McpTool): LockedTool {
  const fields: Record<string, Hashed> = {};
  for (const [k, v] of Object.entries(tool)) if (v !== undefined) fields[k] = hashed(v);
  return { sha256: sha256(tool), fields };
}

export function buildLockEntry(
  report: ServerReport,
  declaredAt: LockDeclaration[],
  entry: unknown,
  spec = report.spec,
): NpmLockEntry {
  const dependencies: Record<string, string | null> = {};
  for (const d of report.dependencies) dependencies[`${d.name}@${d.version}`] = d.integrity;
  let manifest: LockedManifest | null = null;
  const m = report.manifest;
  if (m) {
    const tools: Record<string, LockedTool> = {};
    for (const t of m.tools) {
      const base = typeof t.name === 'string' ? t.name : '(unnamed)';
      let k = base;
      for (let n = 2; k in tools; n++) k = `${base}#${n}`;
      tools[k] = lockTool(t);
    }
    manifest = {
      source: m.source,
      instructions: typeof m.instructions === 'string' ? hashed(m.instructions) : null,
      tools,
      prompts: keyed(m.prompts, (o) => o.name),
      resources: keyed(m.resources, (o) => o.uri ?? o.name),
      resourceTemplates: keyed(m.resourceTemplates, (o) => o.uriTemplate ?? o.name),
    };
  }
  let permissions: LockedPermissions | null = null;
  const p = report.permissions;
  if (p) {
    const capabilities: Record<string, string[]> = {};
    for (const [cap, entries] of Object.entries(p.capabilities)) {
      if (entries?.length) capabilities[cap] = [...new Set(entries.map((e) => e.package))].sort();
    }
    permissions = {
      capabilities,
      own: [...p.own].sort(),
      dependencies: [...p.dependencies].sort(),
      declared: {
        env: [...new Set(p.declared.env.map((e) => e.name))].sort(),
        inputs: [...new Set(p.declared.inputs.map((e) => `${e.type}:${e.name}`))].sort(),
        remotes: [...new Set(p.declared.remotes.map((e) => e.url))].sort(),
        transports: [...new Set(p.declared.transports)].sort(),
      },
    };
  }
  return {
    kind: 'npm',
    spec,
    declaredAt: sortDeclarations(declaredAt),
    entrySha256: sha256(entry),
    package: {
      name: report.package.name,
      version: report.package.version,
      integrity: report.package.integrity,
    },
    dependencies,
    manifest,
    permissions,
  };
}

export function sortDeclarations(d: LockDeclaration[]): LockDeclaration[] {
  return [...d]
    .map((x) => ({ file: x.file, client: x.client }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.client < b.client ? -1 : 1));
}

export function serializeLock(lock: LockFile): string {
  return canonicalJson({ lockfileVersion: LOCKFILE_VERSION, servers: lock.servers });
}

export async function writeLock(file: string, lock: LockFile): Promise<void> {
  try {
    await writeFile(file, serializeLock(lock));
  } catch (err) {
    throw new VetError('E_USAGE', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** Reads and checks a lockfile; undefined when it does not exist. */
export async function readLock(file: string, label = file): Promise<LockFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new VetError('E_LOCK', `cannot read ${label}: ${(err as Error).message}`, { cause: err });
  }
  return parseLock(text, label);
}

function lockError(label: string, what: string): VetError {
  return new VetError('E_LOCK', `${label}: ${what}`);
}

/** Parses and validates lockfile text; throws E_LOCK naming the server and the field. */
export function parseLock(text: string, label: string): LockFile {
  const lines = text.split('\n');
  const conflict = lines.findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l));
  if (conflict >= 0) {
    const server = nearestServer(lines, conflict);
    throw lockError(
      label,
      `merge-conflict markers at line ${conflict + 1}${server ? ` (in server "${server}")` : ''}; resolve the conflict by re-running "mcp-vet lock" on the merged configs, not by hand`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw lockError(
      label,
      `not valid JSON (${(err as Error).message}); regenerate it with "mcp-vet lock --all"`,
    );
  }
  if (!isObject(doc)) throw lockError(label, 'the top level is not an object');
  if (doc.lockfileVersion !== LOCKFILE_VERSION) {
    throw lockError(
      label,
      `unknown lockfileVersion ${JSON.stringify(doc.lockfileVersion)} (this mcp-vet reads version ${LOCKFILE_VERSION}); use the mcp-vet that wrote it, or regenerate with "mcp-vet lock --all"`,
    );
  }
  if (!isObject(doc.servers)) throw lockError(label, '"servers" is missing or not an object');
  for (const [name, e] of Object.entries(doc.servers)) validateEntry(label, name, e);
  return doc as unknown as LockFile;
}

function nearestServer(lines: string[], at: number): string | undefined {
  for (let i = at; i >= 0; i--) {
    const m = /^ {4}"([^"]+)": \{$/.exec(lines[i]!);
    if (m) return m[1];
  }
  return undefined;
}

function validateEntry(label: string, name: string, e: unknown): void {
  const bad = (field: string, why: string): never => {
    throw lockError(
      label,
      `server "${name}", field ${field}: ${why}; the lockfile was edited by hand — regenerate it with "mcp-vet lock"`,
    );
  };
  if (!isObject(e)) bad('(entry)', 'not an object');
  const o = e as Record<string, unknown>;
  if (!Array.isArray(o.declaredAt)) bad('declaredAt', 'not a list');
  if (typeof o.entrySha256 !== 'string') bad('entrySha256', 'missing');
  if (o.kind !== 'npm') {
    if (!['pypi', 'oci', 'remote', 'node', 'unknown'].includes(o.kind as string))
      bad('kind', `unknown kind ${JSON.stringify(o.kind)}`);
    if (typeof o.ref !== 'string') bad('ref', 'not a string');
    return;
  }
  if (typeof o.spec !== 'string') bad('spec', 'not a string');
  const pkg = o.package;
  if (!isObject(pkg) || typeof pkg.name !== 'string' || typeof pkg.version !== 'string')
    bad('package', 'needs name and version');
  const p = pkg as Record<string, unknown>;
  if (
    p.integrity !== null &&
    (typeof p.integrity !== 'string' || !/^sha(256|384|512)-[A-Za-z0-9+/=]+$/.test(p.integrity))
  )
    bad('package.integrity', 'not an SRI string');
  if (!isObject(o.dependencies)) bad('dependencies', 'not an object');
  for (const [k, v] of Object.entries(o.dependencies as Record<string, unknown>)) {
    if (!/^(@[^/]+\/)?[^@]+@.+$/.test(k)) bad(`dependencies["${k}"]`, 'the key is not name@version');
    if (v !== null && typeof v !== 'string') bad(`dependencies["${k}"]`, 'the integrity is not a string');
  }
  if (o.manifest !== null) {
    if (!isObject(o.manifest)) bad('manifest', 'not an object');
    const m = o.manifest as Record<string, unknown>;
    if (m.instructions !== null) checkHashed(m.instructions, 'manifest.instructions', bad);
    if (!isObject(m.tools)) bad('manifest.tools', 'not an object');
    for (const [tn, t] of Object.entries(m.tools as Record<string, unknown>)) {
      const at = `manifest.tools["${tn}"]`;
      if (!isObject(t) || !isObject(t.fields) || typeof t.sha256 !== 'string')
        bad(at, 'needs sha256 and fields');
      const tool = t as { sha256: string; fields: Record<string, unknown> };
      const whole: Record<string, unknown> = {};
      for (const [fname, fv] of Object.entries(tool.fields)) {
        checkHashed(fv, `${at}.fields.${fname}`, bad);
        whole[fname] = (fv as Hashed).value;
      }
      if (sha256(whole) !== tool.sha256) bad(`${at}.sha256`, "does not match the tool's fields");
    }
    for (const list of ['prompts', 'resources', 'resourceTemplates']) {
      if (!isObject(m[list])) bad(`manifest.${list}`, 'not an object');
      for (const [k, v] of Object.entries(m[list] as Record<string, unknown>))
        checkHashed(v, `manifest.${list}["${k}"]`, bad);
    }
  }
  if (
    o.permissions !== null &&
    (!isObject(o.permissions) || !isObject((o.permissions as Record<string, unknown>).capabilities))
  )
    bad('permissions', 'needs capabilities');
}

function checkHashed(v: unknown, field: string, bad: (field: string, why: string) => never): void {
  if (!isObject(v) || typeof v.sha256 !== 'string' || !('value' in v)) bad(field, 'needs sha256 and value');
  const h = v as unknown as Hashed;
  if (sha256(h.value) !== h.sha256) bad(`${field}.sha256`, 'does not match its text');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
