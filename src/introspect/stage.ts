/**
 * The pipeline stage "what does this server show the model": introspection when enabled, the
 * static manifest (package files and code) otherwise or when it fails, and the findings either
 * way. Returns data; the orchestrator decides where it goes in the report.
 */
import type { Finding, ResolvedPackage, ResolvedTree } from '../model.js';
import { readDeclarations, npmEntry, type PackageDeclarations } from '../manifest/declarations.js';
import { extractFromPackage } from '../manifest/extract.js';
import type { ServerManifest } from '../manifest/types.js';
import { introspectServer, type ClientEntry } from './index.js';

export interface ManifestStageInput {
  tree: ResolvedTree;
  /** The server package's full, verified contents. */
  serverDir: string;
  extractedDir: (p: ResolvedPackage) => Promise<string>;
  introspect: boolean;
  /** Parent of the temporary folder (inside the cache, so the tree can be hard-linked). */
  workRoot?: string;
  timeoutMs?: number;
  entry?: ClientEntry;
  env: NodeJS.ProcessEnv;
  clientVersion: string;
  warn: (message: string) => void;
}

/** What the package asks of its user, from its own files (compact, deterministic). */
export interface DeclaredSummary {
  bin: Record<string, string>;
  mcpName?: string;
  installScripts?: Record<string, string>;
  serverJson?: {
    schema: 'camelCase' | 'snake_case';
    name?: string;
    version?: string;
    environmentVariables: { name: string; isRequired: boolean; isSecret: boolean; format?: string }[];
    packageArguments: { type: string; name?: string; isRequired: boolean; format?: string }[];
  };
  mcpb?: {
    userConfig: Record<string, { type?: string; sensitive: boolean; required: boolean }>;
    tools: string[];
    prompts: string[];
  };
  problems?: string[];
}

export interface ManifestStageResult {
  manifest: ServerManifest;
  declared: DeclaredSummary;
  findings: Finding[];
}

export async function manifestStage(input: ManifestStageInput): Promise<ManifestStageResult> {
  const { tree } = input;
  const root = tree.root;
  const declarations = await readDeclarations(input.serverDir);
  const findings: Finding[] = [];
  const about = { package: root.name, version: root.version };

  let failure: string | undefined;
  let failedContainment: ServerManifest['containment'];
  if (input.introspect) {
    const outcome = await introspectServer({
      tree,
      declarations,
      extractedDir: input.extractedDir,
      entry: input.entry,
      env: input.env,
      timeoutMs: input.timeoutMs,
      workRoot: input.workRoot,
      clientVersion: input.clientVersion,
    });
    const containment = outcome.ok ? outcome.manifest.containment : outcome.containment;
    if (containment?.network === 'none') {
      input.warn(
        `${root.name}@${root.version} was started without network isolation (unprivileged user namespaces are not available here, or MCP_VET_NETNS=0): it could reach the network while being introspected`,
      );
    }
    if (outcome.tampered?.length) {
      findings.push({
        rule: 'introspection-tampered',
        severity: 'high',
        message: `${root.name}@${root.version} changed installed package files while it was running (${outcome.tampered.join(', ')}); their cache entries were evicted`,
        ...about,
        packages: outcome.tampered,
      });
    }
    if (outcome.ok) {
      if (outcome.changes.length) {
        findings.push({
          rule: 'manifest-changed-between-launches',
          severity: 'high',
          message: `${root.name}@${root.version} showed the model something else on a second launch (another clientInfo, a second start): ${outcome.changes.slice(0, 5).join('; ')}${outcome.changes.length > 5 ? `; and ${outcome.changes.length - 5} more` : ''}`,
          ...about,
          changes: outcome.changes,
        });
      }
      if (outcome.malformed.length) {
        findings.push({
          rule: 'introspection-malformed',
          severity: 'medium',
          message: `${root.name}@${root.version} answered with items that break the MCP schema: ${outcome.malformed.slice(0, 3).join('; ')}${outcome.malformed.length > 3 ? `; and ${outcome.malformed.length - 3} more` : ''}`,
          ...about,
          problems: outcome.malformed,
        });
      }
      return { manifest: outcome.manifest, declared: summarize(declarations), findings };
    }
    failure = outcome.reason;
    failedContainment = outcome.containment;
  }

  const manifest = await staticManifest(input.serverDir, declarations);
  if (failure !== undefined) {
    findings.push({
      rule: 'introspection-failed',
      severity: 'medium',
      message: `${root.name}@${root.version} could not be introspected, so the text it shows the model was not reviewed from a running server: ${failure} (static extraction found ${manifest.tools.length} tool${manifest.tools.length === 1 ? '' : 's'})`,
      ...about,
      reason: failure,
    });
    manifest.warnings = [`introspection failed: ${failure}`, ...(manifest.warnings ?? [])];
    if (failedContainment) manifest.containment = failedContainment;
  }
  return { manifest, declared: summarize(declarations), findings };
}

/** Tools and prompts from the code, else from an MCPB manifest's declarations. */
export async function staticManifest(dir: string, d: PackageDeclarations): Promise<ServerManifest> {
  const extracted = await extractFromPackage(dir);
  const warnings = [...extracted.warnings];
  let tools = extracted.tools;
  let prompts = extracted.prompts;
  if (!tools.length && d.mcpb?.tools.length) {
    tools = d.mcpb.tools;
    warnings.push('tools are the ones declared in manifest.json (MCPB), not found in the code');
  }
  if (!prompts.length && d.mcpb?.prompts.length) prompts = d.mcpb.prompts;
  return {
    source: 'static',
    tools,
    prompts,
    resources: [],
    resourceTemplates: [],
    ...(warnings.length ? { warnings } : {}),
  };
}

function summarize(d: PackageDeclarations): DeclaredSummary {
  const out: DeclaredSummary = { bin: d.bin };
  if (d.mcpName) out.mcpName = d.mcpName;
  if (Object.keys(d.installScripts).length) out.installScripts = d.installScripts;
  if (d.serverJson) {
    const p = npmEntry(d);
    out.serverJson = {
      schema: d.serverJson.schema,
      ...(d.serverJson.name ? { name: d.serverJson.name } : {}),
      ...(d.serverJson.version ? { version: d.serverJson.version } : {}),
      environmentVariables: (p?.environmentVariables ?? []).map((e) => ({
        name: e.name,
        isRequired: e.isRequired,
        isSecret: e.isSecret,
        ...(e.format ? { format: e.format } : {}),
      })),
      packageArguments: (p?.packageArguments ?? []).map((a) => ({
        type: a.type,
        ...(a.name ? { name: a.name } : {}),
        isRequired: a.isRequired,
        ...(a.format ? { format: a.format } : {}),
      })),
    };
  }
  if (d.mcpb) {
    const userConfig: Record<string, { type?: string; sensitive: boolean; required: boolean }> = {};
    for (const [k, u] of Object.entries(d.mcpb.userConfig))
      userConfig[k] = { ...(u.type ? { type: u.type } : {}), sensitive: u.sensitive, required: u.required };
    out.mcpb = {
      userConfig,
      tools: d.mcpb.tools.map((t) => String(t.name)),
      prompts: d.mcpb.prompts.map((t) => String(t.name)),
    };
  }
  if (d.problems.length) out.problems = d.problems;
  return out;
}
