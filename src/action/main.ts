/**
 * The GitHub Action edge: inputs in, outputs, job summary and exit status out. The only
 * module that imports @actions/*. Everything it decides comes from the same pipeline the CLI
 * uses. Inputs are parsed strictly: a typo'd boolean or severity is an error naming the input.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeError, VetError } from '../errors.js';
import type { Severity } from '../model.js';
import { decide, vetPackage, type ServerReport } from '../pipeline/vet.js';
import { resolvePolicy } from '../policy/policy.js';
import { loadNpmConfig } from '../registry/npmrc.js';
import { buildSbom } from '../sbom/cyclonedx.js';
import { makeVulnSource } from '../vuln/select.js';
import { VERSION } from '../version.js';
import { renderSummary } from './summary.js';

function booleanInput(name: string): boolean {
  const raw = core.getInput(name).trim();
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new VetError('E_USAGE', `input "${name}" must be true or false, not "${raw}"`);
}

function severityInput(name: string): Severity | undefined {
  const raw = core.getInput(name).trim();
  if (!raw) return undefined;
  if (raw === 'low' || raw === 'medium' || raw === 'high' || raw === 'critical') return raw;
  throw new VetError('E_USAGE', `input "${name}" must be low, medium, high or critical, not "${raw}"`);
}

export async function run(): Promise<void> {
  try {
    const specs = core
      .getInput('package', { required: true })
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!specs.length) throw new VetError('E_USAGE', 'input "package" names no package');
    const registry = core.getInput('registry').trim() || undefined;
    const failOn = severityInput('fail-on');
    const failOnReject = booleanInput('fail-on-reject');
    const onUnavailableInput = core.getInput('on-unavailable').trim() || undefined;
    if (onUnavailableInput !== undefined && onUnavailableInput !== 'fail' && onUnavailableInput !== 'warn') {
      throw new VetError(
        'E_USAGE',
        `input "on-unavailable" must be fail or warn, not "${onUnavailableInput}"`,
      );
    }
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const temp = process.env.RUNNER_TEMP ?? workspace;
    const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? temp, 'mcp-vet-cache');
    const outDir = join(temp, 'mcp-vet');
    const sbomDir = join(outDir, 'sbom');
    await mkdir(sbomDir, { recursive: true });
    // the policy decides (a file or a preset; default: .mcp-vet.yml, else the default preset)
    const policy = resolvePolicy({
      ref: core.getInput('policy').trim() || undefined,
      cwd: workspace,
      failOn,
      onUnavailable: onUnavailableInput,
    });
    const onUnavailable = policy.policy.vulnerabilities['on-unavailable'];
    const osvDb = core.getInput('osv-db').trim();
    const vulnSource = await makeVulnSource({
      osvUrl: core.getInput('osv-url').trim() || undefined,
      osvDb: osvDb ? resolve(workspace, osvDb) : undefined,
      cacheDir,
      fetchOptions: loadNpmConfig({ projectDir: workspace }).fetchOptions,
      names: { url: 'input "osv-url"', db: 'input "osv-db"' },
    });

    const servers: ServerReport[] = [];
    for (const spec of specs) {
      const result = await vetPackage({
        spec,
        registry,
        cacheDir,
        projectDir: workspace,
        warn: (m) => core.warning(escapeCommand(m)),
        vulnSource,
        onUnavailable,
        clientVersion: VERSION,
      });
      servers.push(result.server);
      const file = `${result.tree.root.name.replace('/', '__')}@${result.tree.root.version}.cdx.json`;
      await writeFile(
        join(sbomDir, file),
        buildSbom(result.tree, { reproducible: true, toolVersion: VERSION }),
      );
    }
    const report = decide(servers, VERSION, { policy });
    const unavailable =
      onUnavailable === 'fail' && servers.some((s) => s.vulnerabilities?.status === 'failed');
    const reportPath = join(outDir, 'report.json');
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    core.setOutput('decision', report.decision);
    core.setOutput('report', reportPath);
    core.setOutput('sbom-dir', sbomDir);
    await core.summary.addRaw(renderSummary(report)).write();
    if (unavailable) {
      // fail closed whatever fail-on-reject says: the check itself did not run
      core.setFailed('mcp-vet: the vulnerability check could not run (see the report); failing closed');
    } else if (report.decision === 'reject') {
      const msg = `mcp-vet rejected: ${servers.map((s) => `${s.package.name}@${s.package.version}`).join(', ')}`;
      if (failOnReject) core.setFailed(msg);
      else core.warning(msg);
    } else {
      core.info(`mcp-vet approved ${servers.length} server(s)`);
    }
  } catch (err) {
    core.setFailed(escapeCommand(`mcp-vet: ${describeError(err)}`));
  }
}

/**
 * Text from packages and registries is untrusted: a line starting with "::" is a workflow
 * command. Escape CR/LF (and %) as GitHub's own toolkit does for command values.
 */
export function escapeCommand(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
