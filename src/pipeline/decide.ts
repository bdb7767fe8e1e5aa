/**
 * The decision: the policy engine over every server's findings. Apart from the pipeline so that
 * commands that make no decision (`sbom`) do not load the policy machinery (YAML and all).
 */
import type { Severity } from '../model.js';
import { evaluate, type Reason } from '../policy/engine.js';
import { loadPolicy, type LoadedPolicy } from '../policy/policy.js';
import type { ServerReport } from './vet.js';

export interface Report {
  schemaVersion: 1;
  tool: { name: 'mcp-vet'; version: string };
  decision: 'approve' | 'reject';
  /** The policy's catch-all threshold (`fail-on`). */
  failOn: Severity;
  /** Which policy decided: the files read (repository's first) and the preset at the root. */
  policy: { files: string[]; preset?: string };
  /** Why it rejects: every finding whose policy action is reject and that is not suppressed. */
  reasons: Reason[];
  servers: ServerReport[];
}

export interface DecideOptions {
  /** The effective policy (default: the `default` preset). */
  policy?: LoadedPolicy;
  now?: Date;
}

/** The one place a decision is made: the policy engine over every server's findings. */
export function decide(servers: ServerReport[], toolVersion: string, opts: DecideOptions = {}): Report {
  const loaded = opts.policy ?? loadPolicy('default', process.cwd());
  const { decision, reasons } = evaluate(servers, loaded.policy, opts.now ?? new Date());
  return {
    schemaVersion: 1,
    tool: { name: 'mcp-vet', version: toolVersion },
    decision,
    failOn: loaded.policy['fail-on'],
    policy: { files: loaded.files, ...(loaded.preset ? { preset: loaded.preset } : {}) },
    reasons,
    servers,
  };
}
