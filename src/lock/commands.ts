/**
 * `lock` and `check`: discover the configs, vet every npm server through `vetPackage` (with its
 * config entry, so introspection sees its args and env), build lock entries and compare them with
 * the lockfile. `check` never writes.
 */
import path from 'node:path';
import { VetError } from '../errors.js';
import type { Finding } from '../model.js';
import { compareFindings, vetPackage, type VetInput } from '../pipeline/vet.js';
import { describeLaunch, discoverConfigs, serverFindings, type ConfigServer } from '../config/discover.js';
import { hasVariable, isPinned } from '../config/launcher.js';
import { changeToFinding, diffEntries, type Change } from './diff.js';
import {
  buildLockEntry,
  readLock,
  sha256,
  sortDeclarations,
  sortKeys,
  writeLock,
  type LockEntry,
  type LockFile,
} from './format.js';

export interface LockRunInput {
  root: string;
  configs?: string[];
  /** Also read the user-scope client configs under this home directory (`--user`). */
  userHome?: string;
  lockFile: string;
  /** Everything vetPackage needs except spec/clientEntry/configEntry. */
  vet: Omit<VetInput, 'spec' | 'clientEntry' | 'configEntry'>;
  /** lock: re-vet every server, not only the ones whose config changed. */
  all?: boolean;
  progress?: (message: string) => void;
}

export interface CheckResult {
  lockFile: string;
  configs: { file: string; client: string }[];
  servers: { name: string; declaredAt: { file: string; client: string }[]; runs: string }[];
  findings: Finding[];
  changes: Change[];
}

function entryOf(s: ConfigServer): unknown {
  const { command, args, env, url, type } = s.entry;
  return { command, args, env, url, type };
}

function otherEntry(s: ConfigServer): LockEntry {
  const l = s.launch;
  const ref =
    l.kind === 'pypi'
      ? l.spec
      : l.kind === 'oci'
        ? l.image
        : l.kind === 'remote'
          ? l.url
          : l.kind === 'node'
            ? l.script
            : l.kind === 'unknown'
              ? l.command
              : '';
  return {
    kind: l.kind === 'npm' ? 'unknown' : l.kind,
    ref,
    declaredAt: sortDeclarations(s.declaredAt),
    entrySha256: sha256(entryOf(s)),
  };
}

function vettable(s: ConfigServer): boolean {
  return s.launch.kind === 'npm' && !hasVariable(s.launch.spec);
}

async function vetServer(s: ConfigServer, input: LockRunInput): Promise<LockEntry> {
  if (s.launch.kind !== 'npm') return otherEntry(s);
  input.progress?.(`vetting ${s.name} (${describeLaunch(s.launch)})`);
  const { server } = await vetPackage({
    ...input.vet,
    spec: s.launch.spec,
    clientEntry: { args: s.launch.args, env: s.entry.env },
    configEntry: { command: s.entry.command, args: s.entry.args, env: s.entry.env },
  });
  return buildLockEntry(server, s.declaredAt, entryOf(s), s.launch.spec);
}

/** Is the locked entry still what this config entry would produce, without asking the registry? */
function unchanged(s: ConfigServer, old: LockEntry | undefined): boolean {
  if (!old) return false;
  if (old.entrySha256 !== sha256(entryOf(s))) return false;
  if (JSON.stringify(sortKeys(old.declaredAt)) !== JSON.stringify(sortKeys(sortDeclarations(s.declaredAt))))
    return false;
  if (old.kind !== 'npm') return true;
  return s.launch.kind === 'npm' && s.launch.pinned === old.package.version && old.spec === s.launch.spec;
}

export interface LockRunResult {
  lock: LockFile;
  changes: Change[];
  findings: Finding[];
  vetted: string[];
  kept: string[];
}

export async function runLock(input: LockRunInput): Promise<LockRunResult> {
  const discovery = await discoverConfigs(input.root, input.configs, { userHome: input.userHome });
  if (!discovery.files.length && !input.configs?.length) {
    throw new VetError(
      'E_USAGE',
      `no MCP client config found in ${input.root}${input.userHome ? ' nor in the user-scope configs' : ''} (looked for .mcp.json, .cursor/mcp.json, .vscode/mcp.json, …); pass --config FILE`,
    );
  }
  const old = await readLock(input.lockFile, path.relative(input.root, input.lockFile) || input.lockFile);
  const servers: Record<string, LockEntry> = {};
  const vetted: string[] = [];
  const kept: string[] = [];
  const findings = [...discovery.findings];
  for (const s of discovery.servers) {
    findings.push(...serverFindings(s));
    const prev = old?.servers[s.name];
    if (!input.all && unchanged(s, prev)) {
      servers[s.name] = prev!;
      kept.push(s.name);
      continue;
    }
    if (s.launch.kind === 'npm' && !vettable(s)) continue;
    servers[s.name] = await vetServer(s, input);
    vetted.push(s.name);
  }
  const lock: LockFile = { lockfileVersion: 1, servers };
  await writeLock(input.lockFile, lock);
  const changes: Change[] = [];
  const names = [...new Set([...Object.keys(old?.servers ?? {}), ...Object.keys(servers)])].sort();
  for (const n of names) changes.push(...diffEntries(n, old?.servers[n], servers[n]));
  return { lock, changes, findings: findings.sort(compareFindings), vetted, kept };
}

export async function runCheck(input: LockRunInput): Promise<CheckResult> {
  const discovery = await discoverConfigs(input.root, input.configs, { userHome: input.userHome });
  const label = path.relative(input.root, input.lockFile) || input.lockFile;
  const old = await readLock(input.lockFile, label);
  const findings: Finding[] = [...discovery.findings];
  if (!old && discovery.servers.length) {
    findings.push({
      rule: 'lock-file-missing',
      severity: 'high',
      message: `${label} does not exist: no server has been locked; run "mcp-vet lock" and commit the lockfile`,
      file: label,
    });
  }
  if (!discovery.files.length && !input.configs?.length) {
    findings.push({
      rule: 'config-missing',
      severity: 'info',
      message: `no MCP client config found in ${input.root}${input.userHome ? ' nor in the user-scope configs' : ''}`,
    });
  }
  const changes: Change[] = [];
  const servers: CheckResult['servers'] = [];
  const seen = new Set<string>();
  for (const s of discovery.servers) {
    seen.add(s.name);
    servers.push({ name: s.name, declaredAt: s.declaredAt, runs: describeLaunch(s.launch) });
    findings.push(...serverFindings(s));
    if (!isPinned(s.launch)) {
      findings.push({
        rule: 'lock-unpinned',
        severity: 'high',
        message: `server "${s.name}" (${s.declaredAt.map((d) => d.file).join(', ')}) runs ${describeLaunch(s.launch)}, not an exact version: the next start may run code nobody reviewed; pin it${s.launch.kind === 'npm' ? ` (e.g. ${s.launch.name}@${old?.servers[s.name]?.kind === 'npm' ? (old.servers[s.name] as { package: { version: string } }).package.version : '<version>'})` : ''}`,
        server: s.name,
      });
    }
    if (s.launch.kind === 'npm' && !vettable(s)) continue;
    const prev = old?.servers[s.name];
    let now: LockEntry;
    try {
      now = await vetServer(s, input);
    } catch (err) {
      if (err instanceof VetError && (err.code === 'E_REGISTRY_UNAVAILABLE' || err.code === 'E_VULN_SOURCE'))
        throw err;
      findings.push({
        rule: 'lock-vet-failed',
        severity: 'high',
        message: `server "${s.name}": could not be vetted (${err instanceof VetError ? `${err.code}: ` : ''}${(err as Error).message})`,
        server: s.name,
      });
      continue;
    }
    changes.push(...diffEntries(s.name, prev, now));
  }
  for (const name of Object.keys(old?.servers ?? {}).sort()) {
    if (!seen.has(name)) changes.push(...diffEntries(name, old!.servers[name], undefined));
  }
  findings.push(...changes.map(changeToFinding));
  findings.sort(compareFindings);
  return {
    lockFile: label,
    configs: discovery.files,
    servers,
    findings,
    changes,
  };
}
