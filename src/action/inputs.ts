/**
 * The action's inputs, parsed strictly: a typo'd boolean or mode is an error that names the
 * input. Pure: `get` is `core.getInput` in the action and a plain object in tests. The input
 * names are a contract (action.yml).
 */
import { VetError } from '../errors.js';
import type { Severity } from '../model.js';

export type CommentMode = 'always' | 'on-change' | 'never';

export interface ActionInputs {
  token: string;
  /** Package specs (until client-config discovery lands, how servers are named). */
  packages: string[];
  /** Client config files (accepted; used today only to locate servers for SARIF/annotations). */
  config: string[];
  lockfile: string;
  policy?: string;
  registry?: string;
  osvUrl?: string;
  osvDb?: string;
  introspect: boolean;
  comment: CommentMode;
  sarif?: string;
  failOnReject: boolean;
  /** Thin aliases over the policy; unset = the policy decides. */
  failOn?: Severity;
  onUnavailable?: 'fail' | 'warn';
}

export function parseInputs(get: (name: string) => string): ActionInputs {
  const text = (name: string): string => get(name).trim();
  const optional = (name: string): string | undefined => text(name) || undefined;
  const lines = (name: string): string[] =>
    get(name)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('#'));
  // empty: the servers come from the repository's MCP client configs (discovery, or `config`)
  const packages = lines('package');
  return {
    token: text('token'),
    packages,
    config: lines('config'),
    lockfile: text('lockfile') || 'mcp-vet.lock.json',
    policy: optional('policy'),
    registry: optional('registry'),
    osvUrl: optional('osv-url'),
    osvDb: optional('osv-db'),
    introspect: boolean(get, 'introspect', true),
    comment: oneOf(get, 'comment', ['always', 'on-change', 'never'] as const, 'always'),
    sarif: optional('sarif'),
    failOnReject: boolean(get, 'fail-on-reject', true),
    failOn: get('fail-on').trim()
      ? oneOf(get, 'fail-on', ['low', 'medium', 'high', 'critical'] as const, 'high')
      : undefined,
    onUnavailable: get('on-unavailable').trim()
      ? oneOf(get, 'on-unavailable', ['fail', 'warn'] as const, 'fail')
      : undefined,
  };
}

function boolean(get: (name: string) => string, name: string, fallback: boolean): boolean {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new VetError('E_USAGE', `input "${name}" must be true or false, not "${raw}"`);
}

function oneOf<T extends string>(
  get: (name: string) => string,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const raw = get(name).trim();
  if (raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  const list = `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  throw new VetError('E_USAGE', `input "${name}" must be ${list}, not "${raw}"`);
}
