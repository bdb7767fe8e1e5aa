/**
 * Introspection: start the server from its verified tree, in a sandbox, and record what it shows
 * the model. Stages:
 *
 *   lay out the tree (no scripts) → plan the launch → launch 1 (clientInfo A) → launch 2
 *   (clientInfo B, same HOME: a "sleeper" that counts its starts shows up) → compare → manifest
 *
 * Never throws for anything the server does: every failure is an outcome with a reason.
 */
import { chmod, mkdir, mkdtemp, open, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ResolvedPackage, ResolvedTree } from '../model.js';
import type { PackageDeclarations } from '../manifest/declarations.js';
import type { Containment, ServerManifest } from '../manifest/types.js';
import { compareCaptures } from './compare.js';
import { layOut, tampered } from './layout.js';
import { planLaunch, type ClientEntry } from './launch.js';
import { spawnSandboxed, type Sandboxed } from './sandbox.js';
import { capture, SessionError, type Capture } from './session.js';
import { ProcessTransport } from './transport.js';

export type { ClientEntry } from './launch.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Stands for the temporary folder in everything reported (no absolute temp paths). */
export const SANDBOX_TOKEN = '<sandbox>';

export interface IntrospectInput {
  tree: ResolvedTree;
  declarations: PackageDeclarations;
  /** The folder with a package's full, verified contents (see layout.ts). */
  extractedDir: (p: ResolvedPackage) => Promise<string>;
  entry?: ClientEntry;
  /** The parent environment: only its allow-listed variables reach the server. */
  env: NodeJS.ProcessEnv;
  /** Where the temporary folder goes: inside the cache, so files can be hard-linked (default: os.tmpdir()). */
  workRoot?: string;
  /** Per launch. */
  timeoutMs?: number;
  maxOutputBytes?: number;
  clientVersion: string;
}

export type IntrospectOutcome =
  | {
      ok: true;
      manifest: ServerManifest;
      /** Differences between the two launches (empty when none). */
      changes: string[];
      /** Items that break the MCP schema (also in manifest.warnings). */
      malformed: string[];
      tampered?: string[];
    }
  | {
      ok: false;
      reason: string;
      containment?: Containment;
      launch?: ServerManifest['launch'];
      /** name@version of packages whose cached files the server changed (their entries were evicted). */
      tampered?: string[];
    };

/** Two clients: ourselves, then one that looks like a popular agent (servers may target those). */
export function clientInfos(
  version: string,
): [{ name: string; version: string }, { name: string; version: string }] {
  return [
    { name: 'mcp-vet', version },
    { name: 'claude-code', version: '2.0.0' },
  ];
}

export async function introspectServer(input: IntrospectInput): Promise<IntrospectOutcome> {
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = input.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const parent = input.workRoot ?? os.tmpdir();
  await mkdir(parent, { recursive: true });
  const root = await realpath(await mkdtemp(path.join(parent, 'mcp-vet-introspect-')));
  let layout: Awaited<ReturnType<typeof layOut>> | undefined;
  let launchedAt: number | undefined;
  const ids = new Map<string, string>();
  let outcome: IntrospectOutcome | undefined;
  const finish = (o: IntrospectOutcome): IntrospectOutcome => (outcome = o);
  try {
    const dirs = { home: path.join(root, 'home'), tmp: path.join(root, 'tmp') };
    const workDir = path.join(root, 'work');
    const treeDir = path.join(root, 'tree');
    await Promise.all([dirs.home, dirs.tmp, workDir].map((d) => mkdir(d, { recursive: true })));
    layout = await layOut(input.tree, treeDir, async (p) => {
      const dir = await input.extractedDir(p);
      ids.set(dir, `${p.name}@${p.version}`);
      return dir;
    });
    const { serverDir } = layout;

    const plan = planLaunch({
      declarations: input.declarations,
      packageDir: serverDir,
      workDir,
      entry: input.entry,
    });
    if ('error' in plan) return { ok: false, reason: `cannot start the server: ${plan.error}` };
    const scrub = scrubber(root);
    const launch = {
      command: plan.node ? 'node' : path.relative(treeDir, plan.file),
      args: [...(plan.node ? [path.relative(treeDir, plan.file)] : []), ...plan.args].map(scrub),
    };
    const kind = await scriptKind(plan.file);
    if (kind === 'missing') {
      return {
        ok: false,
        reason: `cannot start the server: ${launch.args[0] ?? launch.command} does not exist in the package`,
        launch,
      };
    }
    if (kind === 'exec') await chmod(plan.file, 0o755);
    const runOnce = (clientInfo: { name: string; version: string }) =>
      launchAndCapture({
        command: kind === 'node' ? process.execPath : plan.file,
        args: kind === 'node' ? [plan.file, ...plan.args] : plan.args,
        cwd: workDir,
        env: input.env,
        dirs,
        serverEnv: plan.env,
        timeoutMs,
        maxOutputBytes,
        clientInfo,
      });

    const [infoA, infoB] = clientInfos(input.clientVersion);
    launchedAt = Date.now();
    const first = await runOnce(infoA);
    if (!first.ok)
      return finish({ ok: false, reason: scrub(first.reason), containment: first.containment, launch });
    const second = await runOnce(infoB);
    const warnings = [...first.capture.warnings];
    let changes: string[] = [];
    if (second.ok) changes = compareCaptures(first.capture, second.capture);
    else warnings.push(`the second launch failed: ${second.reason}`);

    const c = first.capture;
    const manifest: ServerManifest = {
      source: 'introspection',
      ...(c.serverInfo ? { serverInfo: c.serverInfo } : {}),
      ...(c.protocolVersion ? { protocolVersion: c.protocolVersion } : {}),
      ...(c.capabilities ? { capabilities: c.capabilities } : {}),
      ...(c.instructions !== undefined ? { instructions: c.instructions } : {}),
      tools: c.tools,
      prompts: c.prompts,
      resources: c.resources,
      resourceTemplates: c.resourceTemplates,
      containment: first.containment,
      launch,
      ...(warnings.length ? { warnings } : {}),
    };
    if (second.ok && changes.length) {
      const s = second.capture;
      manifest.relaunch = {
        clientInfo: infoB,
        ...(s.serverInfo ? { serverInfo: s.serverInfo } : {}),
        ...(s.instructions !== undefined ? { instructions: s.instructions } : {}),
        tools: s.tools,
        prompts: s.prompts,
        resources: s.resources,
        resourceTemplates: s.resourceTemplates,
      };
    }
    const malformed = c.warnings.filter((w) => /^(tools|prompts|resources)[/ ]|^initialize:/.test(w));
    return finish({
      ok: true,
      manifest: deepScrub(manifest, scrub),
      changes,
      malformed: malformed.map(scrub),
    });
  } catch (err) {
    return finish({
      ok: false,
      reason: `introspection could not run: ${(err as Error)?.message ?? String(err)}`,
    });
  } finally {
    if (layout && launchedAt !== undefined) {
      // The server may have written through a hard link into the verified cache: evict any entry
      // it touched, so no later run trusts those bytes.
      const dirs = await tampered(layout.linked, launchedAt).catch(() => [...layout!.linked.keys()]);
      if (dirs.length) {
        await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }).catch(() => undefined)));
        if (outcome) outcome.tampered = dirs.map((d) => ids.get(d) ?? path.basename(d));
      }
    }
    await rm(root, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
  }
}

type Launched =
  | { ok: true; capture: Capture; containment: Containment }
  | { ok: false; reason: string; containment: Containment };

async function launchAndCapture(o: {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  dirs: { home: string; tmp: string };
  serverEnv: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
  clientInfo: { name: string; version: string };
}): Promise<Launched> {
  const sb: Sandboxed = spawnSandboxed(o);
  const exited = new Promise<void>((resolve) => {
    if (sb.child.exitCode !== null || sb.child.signalCode !== null) resolve();
    else sb.child.once('close', () => resolve());
  });
  sb.child.once('error', () => undefined);
  const transport = new ProcessTransport(
    sb.child,
    { maxOutputBytes: o.maxOutputBytes, maxMessageBytes: MAX_MESSAGE_BYTES },
    sb.kill,
  );
  try {
    // the SDK client starts the transport in connect()
    const c = await capture(transport, o.clientInfo, o.timeoutMs);
    if (transport.garbageLines) {
      c.warnings.push(
        `stdout: ${transport.garbageLines} line(s) that are not JSON-RPC, e.g. ${JSON.stringify(transport.garbage[0])}`,
      );
    }
    return { ok: true, capture: c, containment: sb.containment };
  } catch (err) {
    const reason =
      err instanceof SessionError
        ? err.message
        : `introspection failed: ${(err as Error)?.message ?? String(err)}`;
    return { ok: false, reason, containment: sb.containment };
  } finally {
    sb.kill();
    // wait for the pipes to close so nothing of the child outlives this call (bounded)
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}

/** `node` for JavaScript (by extension or a node shebang), `exec` for other scripts and binaries. */
async function scriptKind(file: string): Promise<'node' | 'exec' | 'missing'> {
  let head: string;
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(256);
      const { bytesRead } = await fh.read(buf, 0, 256, 0);
      head = buf.subarray(0, bytesRead).toString('latin1');
    } finally {
      await fh.close();
    }
  } catch {
    return 'missing';
  }
  if (/\.(c|m)?js$/.test(file)) return 'node';
  if (!head.startsWith('#!')) return 'node';
  const first = head.split('\n')[0] ?? '';
  return /\bnode\b|\bbun\b|\bdeno\b/.test(first) ? 'node' : 'exec';
}

function scrubber(root: string): (s: string) => string {
  return (s) => s.split(root).join(SANDBOX_TOKEN);
}

/** Replaces the temp folder's path in every string of a JSON value (keys included). */
function deepScrub<T>(v: T, scrub: (s: string) => string): T {
  if (typeof v === 'string') return scrub(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => deepScrub(x, scrub)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[scrub(k)] = deepScrub(x, scrub);
    return out as T;
  }
  return v;
}
