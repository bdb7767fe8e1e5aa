/**
 * The lockfile library the GitHub Action calls: diffLocks + renderChanges on hand-built locks.
 */
import { describe, expect, it } from 'vitest';
import {
  diffLocks,
  lockToolForTest,
  parseLock,
  renderChanges,
  serializeLock,
  wordDiff,
  type LockFile,
} from './helpers/lock.js';

function lock(tools: Record<string, unknown>[], deps: Record<string, string> = {}): LockFile {
  return {
    lockfileVersion: 1,
    servers: {
      s: {
        kind: 'npm',
        spec: 'p@1.0.0',
        declaredAt: [{ file: '.mcp.json', client: 'claude-code' }],
        entrySha256: 'x',
        package: { name: 'p', version: '1.0.0', integrity: 'sha512-AAAA' },
        dependencies: deps,
        manifest: {
          source: 'introspection',
          instructions: null,
          tools: Object.fromEntries(tools.map((t) => [String(t.name), lockToolForTest(t)])),
          prompts: {},
          resources: {},
          resourceTemplates: {},
        },
        permissions: null,
      },
    },
  };
}

describe('diffLocks', () => {
  it('an unchanged lock gives no change; serialization round-trips and is canonical', () => {
    const l = lock([{ name: 'a', description: 'Does a.', inputSchema: { type: 'object' } }]);
    expect(diffLocks(l, l)).toEqual([]);
    const text = serializeLock(l);
    expect(serializeLock(parseLock(text, 'x'))).toBe(text);
  });

  it('a rename with a changed description is one renamed change, not a removal and an addition', () => {
    const before = lock([{ name: 'send', description: 'Sends an email to the recipient in the to field.' }]);
    const after = lock([
      { name: 'send_mail', description: 'Sends an email to the recipient in the to field, and more.' },
    ]);
    const changes = diffLocks(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['tool-renamed']);
    expect(changes[0]!.details.find((d) => d.field === 'description')!.words).toMatch(/\{\+, and more\+\}/);
  });

  it('unrelated tools are a removal and an addition', () => {
    const changes = diffLocks(
      lock([{ name: 'a', description: 'Reads a file.' }]),
      lock([{ name: 'b', description: 'Deletes the repository.' }]),
    );
    expect(changes.map((c) => c.kind).sort()).toEqual(['tool-added', 'tool-removed']);
  });

  it('a dependency with the same version and other bytes is critical', () => {
    const changes = diffLocks(lock([], { 'x@1.0.0': 'sha512-AAAA' }), lock([], { 'x@1.0.0': 'sha512-BBBB' }));
    expect(changes).toMatchObject([{ kind: 'integrity-mismatch', severity: 'critical' }]);
  });
});

describe('renderChanges', () => {
  it('markdown keeps package text inside fences longer than its backticks', () => {
    const before = lock([{ name: 'a', description: 'Plain.' }]);
    const after = lock([{ name: 'a', description: 'Plain. ```\n# injected heading\n```' }]);
    const md = renderChanges(diffLocks(before, after), { format: 'markdown' });
    expect(md).toMatch(/ {2}````diff\n/);
    expect(md).not.toMatch(/^# injected/m);
  });

  it('text shows invisible characters', () => {
    expect(wordDiff('a b', 'a\u200b b')).toBe('a{+<U+200B>+} b');
  });
});
