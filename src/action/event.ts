/**
 * Which event started the run, read from the environment GitHub sets and the event payload
 * (GITHUB_EVENT_PATH). Only pull requests get a comment; every other event (push, merge_group,
 * workflow_dispatch, schedule, …) gets the job summary, SARIF and annotations only.
 */
import { readFileSync } from 'node:fs';

export interface PullRequestEvent {
  kind: 'pull_request';
  name: string;
  owner: string;
  repo: string;
  number: number;
  baseRef?: string;
  baseSha?: string;
  headSha?: string;
  /** The head branch lives in another repository: the token is read-only there. */
  fork: boolean;
}

export interface OtherEvent {
  kind: 'other';
  name: string;
  owner?: string;
  repo?: string;
}

export type RunEvent = PullRequestEvent | OtherEvent;

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Never throws: a missing or unreadable payload makes the run an "other" event (no comment). */
export function readEvent(env: NodeJS.ProcessEnv, warn: (m: string) => void): RunEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const base = { name, ...(owner && repo ? { owner, repo } : {}) };
  if (!PR_EVENTS.has(name)) return { kind: 'other', ...base };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as Record<string, unknown>;
  } catch (err) {
    warn(
      `the ${name} event payload (GITHUB_EVENT_PATH) could not be read, so no comment is posted: ${(err as Error).message}`,
    );
    return { kind: 'other', ...base };
  }
  return pullRequestFrom(name, payload, owner, repo) ?? { kind: 'other', ...base };
}

export function pullRequestFrom(
  name: string,
  payload: Record<string, unknown>,
  owner?: string,
  repo?: string,
): PullRequestEvent | undefined {
  const pr = payload.pull_request as Record<string, unknown> | undefined;
  const number = typeof pr?.number === 'number' ? pr.number : payload.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined;
  const repository = payload.repository as { name?: unknown; owner?: { login?: unknown } } | undefined;
  const o = owner || (typeof repository?.owner?.login === 'string' ? repository.owner.login : undefined);
  const r = repo || (typeof repository?.name === 'string' ? repository.name : undefined);
  if (!o || !r) return undefined;
  const baseObj = pr?.base as { ref?: unknown; sha?: unknown; repo?: { full_name?: unknown } } | undefined;
  const headObj = pr?.head as { sha?: unknown; repo?: { full_name?: unknown } | null } | undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const headRepo = str(headObj?.repo?.full_name);
  const baseRepo = str(baseObj?.repo?.full_name) ?? `${o}/${r}`;
  return {
    kind: 'pull_request',
    name,
    owner: o,
    repo: r,
    number,
    baseRef: str(baseObj?.ref),
    baseSha: str(baseObj?.sha),
    headSha: str(headObj?.sha),
    fork: headRepo !== undefined && headRepo !== baseRepo,
  };
}
