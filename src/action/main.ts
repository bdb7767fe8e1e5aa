/**
 * The GitHub Action edge: inputs in; outputs, job summary, SARIF, annotations, the sticky
 * pull-request comment and the exit status out. The only module that imports @actions/*.
 * Everything it decides comes from the same pipeline the CLI uses; rendering is pure
 * (comment.ts, summary.ts, sarif.ts, annotations.ts) and only this file does I/O.
 *
 * The check's result never depends on the comment: a comment that cannot be posted is a warning.
 */
import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeError, VetError } from '../errors.js';
import { decide, type Report } from '../pipeline/decide.js';
import { vetPackage, type ServerReport } from '../pipeline/vet.js';
import { resolvePolicy } from '../policy/policy.js';
import { loadNpmConfig } from '../registry/npmrc.js';
import { buildSbom } from '../sbom/cyclonedx.js';
import { makeVulnSource } from '../vuln/select.js';
import { VERSION } from '../version.js';
import { annotations } from './annotations.js';
import { findingKey, MARKER, noBaseline, renderComment, type Changes, type ServerChange } from './comment.js';
import { readEvent, type RunEvent } from './event.js';
import { upsertStickyComment } from './github.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { locateServers, workflowPath, type ServerLocation, type SourceFile } from './locations.js';
import { renderSarif } from './sarif.js';
import { describeLaunch, discoverConfigs, serverFindings, type ConfigServer } from '../config/discover.js';
import { hasVariable, isPinned } from '../config/launcher.js';
import type { Finding } from '../model.js';
import { diffEntries } from '../lock/diff.js';
import { buildLockEntry, parseLock, type LockEntry, type LockFile } from '../lock/format.js';
import { renderSummary } from './summary.js';

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const event = readEvent(process.env, (m) => core.warning(m));
    await vetAndReport(inputs, event);
  } catch (err) {
    core.setFailed(`mcp-vet: ${describeError(err)}`);
  }
}

async function vetAndReport(inputs: ActionInputs, event: RunEvent): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const temp = process.env.RUNNER_TEMP ?? workspace;
  const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? temp, 'mcp-vet-cache');
  const outDir = join(temp, 'mcp-vet');
  const sbomDir = join(outDir, 'sbom');
  await mkdir(sbomDir, { recursive: true });
  // one decision engine: the policy (a file or a preset; default .mcp-vet.yml, else `default`)
  const policy = resolvePolicy({
    ref: inputs.policy,
    cwd: workspace,
    failOn: inputs.failOn,
    onUnavailable: inputs.onUnavailable,
  });
  const onUnavailable = policy.policy.vulnerabilities['on-unavailable'];
  const vulnSource = await makeVulnSource({
    osvUrl: inputs.osvUrl,
    osvDb: inputs.osvDb ? resolve(workspace, inputs.osvDb) : undefined,
    cacheDir,
    fetchOptions: loadNpmConfig({ projectDir: workspace }).fetchOptions,
    names: { url: 'input "osv-url"', db: 'input "osv-db"' },
  });

  // what to vet: the packages named in the input, else every server in the MCP client configs
  const targets = await vetTargets(inputs, workspace);
  const servers: ServerReport[] = [...targets.unvetted];
  for (const t of targets.npm) {
    const result = await vetPackage({
      spec: t.spec,
      registry: inputs.registry,
      cacheDir,
      projectDir: workspace,
      warn: (m) => core.warning(m),
      vulnSource,
      onUnavailable,
      introspect: inputs.introspect,
      clientVersion: VERSION,
      ...(t.server
        ? {
            clientEntry: {
              args: t.server.launch.kind === 'npm' ? t.server.launch.args : [],
              env: t.server.entry.env,
            },
            configEntry: {
              command: t.server.entry.command,
              args: t.server.entry.args,
              env: t.server.entry.env,
            },
          }
        : {}),
    });
    if (t.findings.length) result.server.findings.push(...t.findings);
    servers.push(result.server);
    const file = `${result.tree.root.name.replace('/', '__')}@${result.tree.root.version}.cdx.json`;
    await writeFile(
      join(sbomDir, file),
      buildSbom(result.tree, { reproducible: true, toolVersion: VERSION }),
    );
  }
  const base = readBaseline(inputs, workspace, event);
  // only a pull request is judged on what it brings; a push or the nightly re-vet judges the lock
  if (event.kind === 'pull_request') markPreexisting(servers, base);
  const report = decide(servers, VERSION, { policy });
  const unavailable = onUnavailable === 'fail' && servers.some((s) => s.vulnerabilities?.status === 'failed');
  const reportPath = join(outDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('decision', report.decision);
  core.setOutput('report', reportPath);
  core.setOutput('sbom-dir', sbomDir);

  // The lock diff (issue 6) plugs in here; until then there is no baseline and all is new.
  const changes = baselineChanges(report, base);
  const summaryUrl = runUrl(process.env);
  // locations (SARIF, annotations) come from the config files the servers were found in
  await publish(report, { ...inputs, config: targets.files }, event, changes, summaryUrl, workspace);

  if (unavailable) {
    // fail closed whatever fail-on-reject says: the check itself did not run
    core.setFailed('mcp-vet: the vulnerability check could not run (see the report); failing closed');
  } else if (report.decision === 'reject') {
    const msg = `mcp-vet rejected: ${servers.map((s) => `${s.package.name}@${s.package.version}`).join(', ')}`;
    if (inputs.failOnReject) core.setFailed(logLine(msg));
    else core.warning(logLine(msg));
  } else {
    core.info(logLine(`mcp-vet approved ${servers.length} server(s)`));
  }
}

/** Summary, annotations, SARIF and the comment. Each failure here is a warning, never the verdict. */
async function publish(
  report: Report,
  inputs: ActionInputs,
  event: RunEvent,
  changes: Changes,
  summaryUrl: string | undefined,
  workspace: string,
): Promise<void> {
  try {
    await core.summary.addRaw(renderSummary(report, { changes })).write();
  } catch (err) {
    core.warning(`mcp-vet could not write the job summary: ${describeError(err)}`);
  }

  const locations = serverLocations(report, inputs, workspace);
  for (const a of annotations(report, locations)) {
    const props = { title: a.title, ...(a.file ? { file: a.file, startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }

  if (inputs.sarif) {
    const path = resolve(workspace, inputs.sarif);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(renderSarif(report, locations), null, 2)}\n`);
    } catch (err) {
      // bad input: fail the step, but still post the comment below
      core.setFailed(`mcp-vet: input "sarif": could not write ${inputs.sarif}: ${describeError(err)}`);
    }
  }

  if (event.kind !== 'pull_request') {
    core.info(`mcp-vet: no pull request comment on a ${event.name || 'local'} run; see the job summary`);
    return;
  }
  if (inputs.comment === 'never') return;
  if (!inputs.token) {
    core.warning(
      'mcp-vet could not comment on the pull request: no token (the "token" input is empty). The verdict is in the job summary.',
    );
    return;
  }
  const changed = changes.baseline === 'none' || changes.servers.some((c) => c.change !== 'unchanged');
  const body = renderComment(report, { changes, summaryUrl });
  const result = await upsertStickyComment({
    token: inputs.token,
    target: { owner: event.owner, repo: event.repo, issue: event.number },
    marker: MARKER,
    body,
    // on-change: post only when the servers changed, but always keep an existing comment current
    create: inputs.comment === 'always' || changed,
    warn: (m) => core.warning(m),
    info: (m) => core.info(m),
  });
  if (result.url) core.setOutput('comment-url', result.url);
  core.info(`mcp-vet: pull request comment ${result.status}${result.url ? ` (${result.url})` : ''}`);
}

/**
 * No lock diff yet (issue 6): say what we can about the lockfile so the comment is honest. The
 * lead replaces this with `mcp-vet diff` against the base branch's lock.
 */
/**
 * What this run changes against the approved lock: on a pull request the base commit's lockfile
 * (read with `git show <base sha>:<lockfile>`; needs the base commit in the checkout, e.g.
 * `fetch-depth: 0`), else the lockfile in the checkout (push, schedule: the committed lock).
 * Servers are matched to lock entries by package name.
 */
interface Baseline {
  lock?: LockFile;
  /** Why there is none (first adoption, deleted, not fetched, unreadable). */
  note?: string;
}

/**
 * The approved state to compare with: on a pull request the base commit's lockfile (read with
 * `git show <base sha>:<lockfile>`; needs the base commit in the checkout, e.g. `fetch-depth: 0`),
 * else the lockfile in the checkout (push, schedule: the committed lock).
 */
function readBaseline(inputs: ActionInputs, workspace: string, event: RunEvent): Baseline {
  let text: string | undefined;
  let where = inputs.lockfile;
  if (event.kind === 'pull_request' && event.baseSha) {
    try {
      text = execFileSync('git', ['show', `${event.baseSha}:${inputs.lockfile}`], {
        cwd: workspace,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      });
      where = `${inputs.lockfile} on the base branch`;
    } catch {
      text = undefined; // not in the base commit (first adoption) or the commit is not fetched
    }
  }
  if (text === undefined && existsSync(resolve(workspace, inputs.lockfile))) {
    text = readFileSync(resolve(workspace, inputs.lockfile), 'utf8');
  }
  if (text === undefined) {
    return {
      note: `There is no ${inputs.lockfile} to compare with (first adoption, deleted by this change, or the base commit is not fetched: use fetch-depth: 0).`,
    };
  }
  try {
    return { lock: parseLock(text, where) };
  } catch (err) {
    return { note: `${where} could not be read (${describeError(err)}); everything is shown as new.` };
  }
}

/**
 * On a pull request, a finding about a package@version the approved lock already had (the same
 * server's tree) is not something this change brings: mark it `preexisting`, so the policy lists
 * it apart instead of failing the check (policy `baseline.existing`). Malware is never excused.
 */
function markPreexisting(servers: ServerReport[], base: Baseline): void {
  if (!base.lock) return;
  const approved = new Map<string, Set<string>>();
  for (const entry of Object.values(base.lock.servers)) {
    if (entry.kind !== 'npm') continue;
    const set = approved.get(entry.package.name) ?? new Set<string>();
    set.add(`${entry.package.name}@${entry.package.version}`);
    for (const nv of Object.keys(entry.dependencies ?? {})) set.add(nv);
    approved.set(entry.package.name, set);
  }
  for (const s of servers) {
    const set = approved.get(s.package.name);
    if (!set) continue;
    for (const f of s.findings) {
      if (f.rule === 'malware' || f.rule.startsWith('lock-')) continue;
      if (
        typeof f.package === 'string' &&
        typeof f.version === 'string' &&
        set.has(`${f.package}@${f.version}`)
      ) {
        f.preexisting = true;
      }
    }
  }
}

/** What this run changes against the approved lock; servers matched to lock entries by package name. */
function baselineChanges(report: Report, base: Baseline): Changes {
  if (!base.lock) return noBaseline(report, base.note);
  const lock = base.lock;
  const byPackage = new Map<string, { key: string; entry: LockEntry }>();
  for (const [key, entry] of Object.entries(lock.servers)) {
    if (entry.kind === 'npm') byPackage.set(entry.package.name, { key, entry });
  }
  const servers: ServerChange[] = report.servers.map((s) => {
    const name = s.package.name;
    const old = byPackage.get(name);
    if (!old) {
      return {
        name,
        change: 'added',
        to: s.package.version,
        newFindings: s.findings.map((f) => findingKey(name, f)),
      };
    }
    const now = buildLockEntry(s, old.entry.declaredAt, null, s.spec);
    // where and how it is declared is the config's business (no config here); info-level
    // changes (a permission lost) are not news
    const diffs = diffEntries(old.key, old.entry, now).filter(
      (c) => c.kind !== 'declaration-changed' && c.kind !== 'entry-changed' && c.severity !== 'info',
    );
    const tools = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
    const newPermissions: string[] = [];
    for (const c of diffs) {
      if (c.kind === 'tool-added' && c.item) tools.added.push(c.item);
      else if (c.kind === 'tool-removed' && c.item) tools.removed.push(c.item);
      else if (c.kind.startsWith('tool-') && c.item) tools.changed.push(c.item);
      else if (c.kind === 'permission-gained') newPermissions.push(c.item ?? c.message);
    }
    const oldVersion = old.entry.kind === 'npm' ? old.entry.package.version : undefined;
    return {
      newFindings: s.findings.filter((f) => !f.preexisting).map((f) => findingKey(name, f)),
      name,
      change: diffs.length ? 'updated' : 'unchanged',
      from: oldVersion,
      to: s.package.version,
      ...(newPermissions.length ? { newPermissions } : {}),
      ...(tools.added.length || tools.removed.length || tools.changed.length ? { tools } : {}),
    };
  });
  const present = new Set(report.servers.map((s) => s.package.name));
  for (const [pkg, { entry }] of byPackage) {
    if (!present.has(pkg))
      servers.push({
        name: pkg,
        change: 'removed',
        from: entry.kind === 'npm' ? entry.package.version : undefined,
      });
  }
  return { baseline: 'lockfile', servers };
}

interface Targets {
  /** Config files the servers were found in (for SARIF and annotation locations). */
  files: string[];
  npm: { spec: string; server?: ConfigServer; findings: Finding[] }[];
  /** Servers mcp-vet can't vet (PyPI, Docker, remote, unresolvable): reported, never passed. */
  unvetted: ServerReport[];
}

/** The `package` input, else discovery in the workspace (or the `config` input's files). */
async function vetTargets(inputs: ActionInputs, workspace: string): Promise<Targets> {
  if (inputs.packages.length) {
    return {
      files: inputs.config,
      npm: inputs.packages.map((spec) => ({ spec, findings: [] })),
      unvetted: [],
    };
  }
  const d = await discoverConfigs(workspace, inputs.config.length ? inputs.config : undefined);
  const out: Targets = { files: d.files.map((f) => f.file), npm: [], unvetted: [] };
  const report = (name: string, version: string, findings: Finding[]): ServerReport => ({
    spec: name,
    registry: '',
    package: { name, version, integrity: null },
    dependencies: [],
    findings,
    stats: { packages: 0, skipped: 0, bundled: 0, downloaded: 0, fromCache: 0 },
  });
  for (const s of d.servers) {
    const findings = serverFindings(s);
    if (!isPinned(s.launch)) {
      findings.push({
        rule: 'lock-unpinned',
        severity: 'high',
        message: `server "${s.name}" (${s.declaredAt.map((x) => x.file).join(', ')}) runs ${describeLaunch(s.launch)}, not an exact version: the next start may run code nobody reviewed; pin it`,
        server: s.name,
      });
    }
    if (s.launch.kind === 'npm' && !hasVariable(s.launch.spec))
      out.npm.push({ spec: s.launch.spec, server: s, findings });
    else out.unvetted.push(report(s.name, describeLaunch(s.launch), findings));
  }
  if (d.findings.length) out.unvetted.push(report('(MCP client configs)', '', d.findings));
  if (!d.servers.length && !d.findings.length) {
    throw new VetError(
      'E_USAGE',
      `no MCP server found: no client config (.mcp.json, .vscode/mcp.json, .cursor/mcp.json, …) in ${workspace} declares one; name configs with the "config" input or packages with "package"`,
    );
  }
  return out;
}

function serverLocations(
  report: Report,
  inputs: ActionInputs,
  workspace: string,
): Map<string, ServerLocation> {
  const files: SourceFile[] = [];
  const add = (path: string, role: SourceFile['role']): void => {
    const abs = resolve(workspace, path);
    const rel = relative(workspace, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) return; // outside the repository: not a code-scanning location
    try {
      files.push({ path: rel.split(sep).join('/'), text: readFileSync(abs, 'utf8'), role });
    } catch {
      // not in this checkout
    }
  };
  for (const c of inputs.config) add(c, 'config');
  add(inputs.lockfile, 'lockfile');
  const wf = workflowPath(process.env.GITHUB_WORKFLOW_REF, process.env.GITHUB_REPOSITORY);
  if (wf) add(wf, 'workflow');
  return locateServers(
    report.servers.map((s) => s.package.name),
    files,
  );
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

/**
 * core.info writes its text as is: a line break followed by `::` would start a workflow command.
 * Package names are untrusted, so anything logged outside core's command functions goes through
 * here.
 */
export function logLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/^::/, ': :');
}

/**
 * Escapes a command value the way @actions/core does (`%`, CR, LF). Kept for callers that write
 * workflow commands themselves; core.warning/error/setFailed already escape.
 */
export function escapeCommand(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
