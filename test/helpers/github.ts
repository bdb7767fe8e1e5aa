/**
 * A loopback stand-in for the GitHub REST API, just the issue-comment routes the action uses:
 *
 *   GET   /repos/:owner/:repo/issues/:n/comments?per_page&page   (Link-header pagination)
 *   POST  /repos/:owner/:repo/issues/:n/comments
 *   PATCH /repos/:owner/:repo/issues/comments/:id
 *
 * Strict: any other route answers 404 and is recorded as unexpected. Every request is recorded.
 * Modes make writes answer 403, or any request answer 5xx for a number of times (with
 * `Retry-After: 0`, so retries in tests are immediate).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  authorization?: string;
  status: number;
}

export interface GitHubStandIn {
  url: string;
  owner: string;
  repo: string;
  comments: StoredComment[];
  requests: RecordedRequest[];
  unexpected: RecordedRequest[];
  /** `forbid-writes`: POST/PATCH answer 403. `fail`: the next `failures` requests answer `failStatus`. */
  mode: { forbidWrites: boolean; failures: number; failStatus: number };
  /** Adds comments by other people (fills pages). */
  seed(issue: number, n: number, body?: (i: number) => string): void;
  close(): Promise<void>;
}

export async function startGitHub(owner = 'octo-org', repo = 'agents'): Promise<GitHubStandIn> {
  let nextId = 1000;
  const state: GitHubStandIn = {
    url: '',
    owner,
    repo,
    comments: [],
    requests: [],
    unexpected: [],
    mode: { forbidWrites: false, failures: 0, failStatus: 502 },
    seed(issue, n, body = (i) => `a human comment ${i}`) {
      for (let i = 0; i < n; i++) {
        state.comments.push({
          id: nextId++,
          issue,
          body: body(i),
          user: { login: `person${i % 7}`, type: 'User' },
        });
      }
    },
    close: () => new Promise((res) => server.close(() => res())),
  };

  const view = (c: StoredComment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.example/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    url: `${state.url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const u = new URL(req.url ?? '/', state.url);
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });
    const rec: RecordedRequest = {
      method: req.method ?? '',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      ...(raw ? { body: JSON.parse(raw) as unknown } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      status: 0,
    };
    state.requests.push(rec);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (state.mode.failures > 0) {
      state.mode.failures--;
      send(state.mode.failStatus, { message: 'Server Error' }, { 'retry-after': '0' });
      return;
    }
    const base = `/repos/${owner}/${repo}`;
    const list = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/);
    const one = u.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/);
    if (!u.pathname.startsWith(`${base}/`)) {
      state.unexpected.push(rec);
      send(404, { message: 'Not Found' });
      return;
    }
    if (list && req.method === 'GET') {
      const issue = Number(list[3]);
      const perPage = Math.min(Number(u.searchParams.get('per_page') ?? 30), 100);
      const page = Number(u.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const links: string[] = [];
      const at = (p: number): string => `<${state.url}${u.pathname}?per_page=${perPage}&page=${p}>`;
      if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
      if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`);
      send(
        200,
        all.slice((page - 1) * perPage, page * perPage).map(view),
        links.length ? { link: links.join(', ') } : {},
      );
      return;
    }
    if (list && req.method === 'POST') {
      if (state.mode.forbidWrites) return send(403, { message: 'Resource not accessible by integration' });
      const c: StoredComment = {
        id: nextId++,
        issue: Number(list[3]),
        body: String((rec.body as { body?: unknown }).body),
        user: { login: 'github-actions[bot]', type: 'Bot' },
      };
      state.comments.push(c);
      send(201, view(c));
      return;
    }
    if (one && req.method === 'PATCH') {
      if (state.mode.forbidWrites) return send(403, { message: 'Resource not accessible by integration' });
      const c = state.comments.find((x) => x.id === Number(one[3]));
      if (!c) return send(404, { message: 'Not Found' });
      c.body = String((rec.body as { body?: unknown }).body);
      send(200, view(c));
      return;
    }
    state.unexpected.push(rec);
    send(404, { message: 'Not Found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
