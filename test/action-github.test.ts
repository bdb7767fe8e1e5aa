/**
 * The sticky-comment client (src/action/github.ts) with the real @actions/github octokit against
 * the loopback REST stand-in (test/helpers/github.ts): choosing our comment, not creating one
 * when told not to, leaving an unchanged body alone, and turning refusals into warnings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertStickyComment, type StickyOptions } from '../src/action/github.js';
import { startGitHub, type GitHubStandIn } from './helpers/github.js';

const MARKER = '<!-- mcp-vet:sticky-comment -->';
let github: GitHubStandIn;
let warnings: string[];

beforeEach(async () => {
  github = await startGitHub();
  warnings = [];
});
afterEach(async () => {
  await github.close();
});

function options(o: Partial<StickyOptions> = {}): StickyOptions {
  return {
    token: 't',
    baseUrl: github.url,
    target: { owner: github.owner, repo: github.repo, issue: 5 },
    marker: MARKER,
    body: `${MARKER}\nhello`,
    create: true,
    warn: (m) => warnings.push(m),
    backoffMs: [0],
    ...o,
  };
}

describe('upsertStickyComment', () => {
  it('updates the Actions bot comment, not a person’s copy of the marker', async () => {
    github.seed(5, 3, (i) => (i === 1 ? `${MARKER}\nI pasted the marker` : 'hi'));
    github.comments.push({
      id: 1,
      issue: 5,
      body: `${MARKER}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    const r = await upsertStickyComment(options());
    expect(r).toMatchObject({ status: 'updated', id: 1 });
    expect(github.comments.find((c) => c.id === 1)!.body).toBe(`${MARKER}\nhello`);
    expect(github.comments.filter((c) => c.body.includes('I pasted the marker'))).toHaveLength(1);
  });

  it('leaves an unchanged body alone and creates nothing when told not to', async () => {
    github.comments.push({
      id: 1,
      issue: 5,
      body: `${MARKER}\nhello`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect(await upsertStickyComment(options())).toMatchObject({ status: 'unchanged', id: 1 });
    expect(github.requests.map((q) => q.method)).toEqual(['GET']);
    expect(
      await upsertStickyComment(
        options({ target: { owner: github.owner, repo: github.repo, issue: 6 }, create: false }),
      ),
    ).toEqual({
      status: 'skipped',
    });
    expect(github.comments).toHaveLength(1);
  });

  it('a comment on a later page is found (Link-header pagination)', async () => {
    github.seed(5, 230);
    github.comments.push({
      id: 1,
      issue: 5,
      body: `${MARKER}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect(await upsertStickyComment(options())).toMatchObject({ status: 'updated', id: 1 });
    expect(github.requests.filter((q) => q.method === 'GET').map((q) => q.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it.each([
    [403, /403\).*pull-requests: write.*forks/],
    [404, /not found \(404\).*pull-requests: write/],
  ])('a %i is a warning, not an error', async (status, message) => {
    github.mode.failures = 1;
    github.mode.failStatus = status;
    expect(await upsertStickyComment(options())).toEqual({ status: 'failed' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
    expect(github.requests).toHaveLength(1); // not retried
  });

  it('retries 429 and 5xx, then gives up with a warning', async () => {
    github.mode.failures = 2;
    github.mode.failStatus = 429;
    expect(await upsertStickyComment(options())).toMatchObject({ status: 'created' });
    github.mode.failures = 10;
    github.mode.failStatus = 500;
    expect(await upsertStickyComment(options({ attempts: 2 }))).toEqual({ status: 'failed' });
    expect(warnings.at(-1)).toMatch(/GitHub answered 500 after retries/);
  });

  it('an unreachable API is a warning', async () => {
    expect(await upsertStickyComment(options({ attempts: 1, baseUrl: 'http://127.0.0.1:9' }))).toEqual({
      status: 'failed',
    });
    expect(warnings[0]).toMatch(/^mcp-vet could not comment on pull request #5/);
  });
});
