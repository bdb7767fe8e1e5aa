/**
 * The sticky pull-request comment over GitHub's REST API: find ours by its hidden marker (through
 * every page of comments), update it in place, create it when absent — never a second one.
 *
 * Client: @actions/github's octokit. It is the toolkit's own client (same release line as the
 * @actions/core we already use), reads GITHUB_API_URL (GHES, and our loopback stand-in in tests),
 * goes through the runner's proxy settings, and brings REST pagination (Link headers). It is
 * loaded with a dynamic import, so runs that post no comment do not load it.
 *
 * Nothing here throws: every failure becomes a warning and a `failed` result, because the check's
 * outcome must never depend on whether the comment could be posted.
 */

export interface StickyTarget {
  owner: string;
  repo: string;
  issue: number;
}

export interface StickyOptions {
  token: string;
  /** REST API root; default GITHUB_API_URL (read by @actions/github when it loads). */
  baseUrl?: string;
  target: StickyTarget;
  marker: string;
  body: string;
  /** false: only update an existing comment (mode `on-change` with nothing changed). */
  create: boolean;
  warn: (message: string) => void;
  info?: (message: string) => void;
  /** Attempts for 5xx, 429 and network errors (default 3). */
  attempts?: number;
  /** Waits between attempts when the server sends no Retry-After (ms). */
  backoffMs?: number[];
}

export interface StickyResult {
  status: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  url?: string;
  id?: number;
}

interface CommentLike {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login?: string; type?: string } | null;
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

export async function upsertStickyComment(o: StickyOptions): Promise<StickyResult> {
  const { owner, repo, issue } = o.target;
  const where = `pull request #${issue} in ${owner}/${repo}`;
  let octokit;
  try {
    const { getOctokit } = await import('@actions/github');
    octokit = getOctokit(o.token, o.baseUrl ? { baseUrl: o.baseUrl } : {});
  } catch (err) {
    o.warn(`mcp-vet could not set up the GitHub client, so no comment was posted: ${message(err)}`);
    return { status: 'failed' };
  }
  const call = <T>(what: string, fn: () => Promise<T>): Promise<T> =>
    withRetry(fn, o.attempts ?? 3, o.backoffMs ?? [1000, 3000], (err, wait) =>
      o.info?.(`GitHub answered ${status(err)} to ${what}; retrying in ${Math.round(wait / 100) / 10}s`),
    );
  try {
    const found: CommentLike[] = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 100,
    });
    // iterate by hand so each page gets the same retry as single calls
    const it = pages[Symbol.asyncIterator]();
    for (;;) {
      const page = await call('listing comments', () => it.next());
      if (page.done) break;
      for (const c of page.value.data as CommentLike[]) {
        if (typeof c.body === 'string' && c.body.startsWith(o.marker)) found.push(c);
      }
    }
    const mine = pickOurs(found);
    if (mine) {
      if (mine.body === o.body) return { status: 'unchanged', url: mine.html_url, id: mine.id };
      const r = await call('updating the comment', () =>
        octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: o.body }),
      );
      return { status: 'updated', url: r.data.html_url, id: r.data.id };
    }
    if (!o.create) return { status: 'skipped' };
    const r = await call('creating the comment', () =>
      octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body: o.body }),
    );
    return { status: 'created', url: r.data.html_url, id: r.data.id };
  } catch (err) {
    o.warn(explain(err, where));
    return { status: 'failed' };
  }
}

/**
 * Several comments can carry the marker (a person can paste one). Prefer the Actions bot's, then
 * any bot's, then the oldest; comments are listed oldest first.
 */
function pickOurs(found: CommentLike[]): CommentLike | undefined {
  return (
    found.find((c) => c.user?.login === 'github-actions[bot]') ??
    found.find((c) => c.user?.type === 'Bot') ??
    found[0]
  );
}

function explain(err: unknown, where: string): string {
  const s = status(err);
  const tail = 'The check result does not depend on the comment; the verdict is in the job summary.';
  if (s === 403) {
    return `mcp-vet could not comment on ${where}: the token was refused (403). Grant the workflow \`permissions: pull-requests: write\`; pull requests from forks get a read-only token, so use the job summary there. ${tail}`;
  }
  if (s === 401) return `mcp-vet could not comment on ${where}: the token is not valid (401). ${tail}`;
  if (s === 404) {
    return `mcp-vet could not comment on ${where}: not found (404) — the token cannot see this pull request (it needs \`pull-requests: write\`). ${tail}`;
  }
  if (s !== undefined && s >= 500)
    return `mcp-vet could not comment on ${where}: GitHub answered ${s} after retries. ${tail}`;
  return `mcp-vet could not comment on ${where}: ${message(err)}. ${tail}`;
}

function status(err: unknown): number | undefined {
  const s = (err as HttpError | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

function retryable(err: unknown): boolean {
  const s = status(err);
  return s === undefined || s === 429 || s >= 500;
}

async function withRetry<T>(
  fn: () => Promise<T>,
  attempts: number,
  backoff: number[],
  onRetry: (err: unknown, waitMs: number) => void,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !retryable(err)) throw err;
      const header = (err as HttpError).response?.headers?.['retry-after'];
      const seconds = header === undefined ? NaN : Number(header);
      const wait = Number.isFinite(seconds)
        ? Math.min(Math.max(seconds, 0) * 1000, 30_000)
        : (backoff[Math.min(i - 1, backoff.length - 1)] ?? 1000);
      onRetry(err, wait);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
