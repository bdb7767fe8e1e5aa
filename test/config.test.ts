/**
 * Client-config discovery: one fixture repository per client format (test/fixtures/config-repos),
 * launcher recognition, and bad configs as findings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverConfigs, serverFindings, userConfigFormats } from '../src/config/discover.js';
import { recognizeLauncher } from '../src/config/launcher.js';

const REPOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'config-repos');

async function servers(repo: string) {
  const d = await discoverConfigs(path.join(REPOS, repo));
  return { ...d, byName: Object.fromEntries(d.servers.map((s) => [s.name, s])) };
}

describe('discovery, one repository per client', () => {
  it('Claude Code .mcp.json: npx -y and a remote url', async () => {
    const d = await servers('claude-code');
    expect(d.files).toEqual([{ file: '.mcp.json', client: 'claude-code' }]);
    expect(d.byName.fs!.launch).toMatchObject({
      kind: 'npm',
      launcher: 'npx',
      name: '@modelcontextprotocol/server-filesystem',
      pinned: '2025.8.21',
      args: ['/tmp'],
    });
    expect(d.byName.remote!.launch).toEqual({
      kind: 'remote',
      url: 'https://mcp.example.com/mcp',
      transport: 'http',
    });
    expect(serverFindings(d.byName.remote!)).toMatchObject([{ rule: 'server-not-npm', severity: 'medium' }]);
  });

  it('Cursor .cursor/mcp.json with comments and trailing commas: pnpm dlx', async () => {
    const d = await servers('cursor');
    expect(d.findings).toEqual([]);
    expect(d.byName.mem!.launch).toMatchObject({ kind: 'npm', launcher: 'pnpm dlx', pinned: '2026.8.31' });
  });

  it('VS Code .vscode/mcp.json: servers, --package=, ${input:} kept verbatim; a variable in the spec is a finding', async () => {
    const d = await servers('vscode');
    expect(d.byName.gh!.launch).toMatchObject({
      kind: 'npm',
      name: 'some-gh-mcp',
      pinned: '1.2.3',
      args: [],
    });
    expect(d.byName.gh!.entry.env).toEqual({ TOKEN: '${input:token}' });
    expect(d.byName.gh!.variables).toEqual(['${input:token}']);
    expect(serverFindings(d.byName.gh!)).toEqual([]);
    expect(serverFindings(d.byName.ver!)).toMatchObject([
      { rule: 'config-unresolved-variable', severity: 'high' },
    ]);
  });

  it('VS Code settings.json (mcp.servers, JSONC): bunx', async () => {
    const d = await servers('vscode-settings');
    expect(d.byName.bun!.launch).toMatchObject({
      kind: 'npm',
      launcher: 'bunx',
      name: 'tiny-mcp',
      pinned: '0.1.0',
    });
  });

  it('claude_desktop_config.json: uvx (PyPI) and docker run (OCI) are reported, not passed', async () => {
    const d = await servers('claude-desktop');
    expect(d.byName.py!.launch).toMatchObject({
      kind: 'pypi',
      launcher: 'uvx',
      spec: 'mcp-server-fetch==2025.1.1',
      pinned: true,
    });
    expect(d.byName.box!.launch).toMatchObject({ kind: 'oci', image: 'ghcr.io/acme/mcp:1.0', pinned: false });
    for (const s of d.servers) expect(serverFindings(s).map((f) => f.rule)).toEqual(['server-not-npm']);
  });

  it('Gemini .gemini/settings.json: yarn dlx -p', async () => {
    const d = await servers('gemini');
    expect(d.byName.yarn!.launch).toMatchObject({
      kind: 'npm',
      launcher: 'yarn dlx',
      name: 'yarn-mcp',
      pinned: '2.0.0',
    });
  });

  it('Codex .codex/config.toml: [mcp_servers.NAME]', async () => {
    const d = await servers('codex');
    expect(d.byName.docs!.launch).toMatchObject({ kind: 'npm', name: 'docs-mcp', pinned: '3.1.4' });
    expect(d.byName.docs!.entry.env).toEqual({ API_KEY: 'x' });
  });

  it('Zed .zed/settings.json: context_servers, flat and nested command', async () => {
    const d = await servers('zed');
    expect(d.byName['zed-srv']!.launch).toEqual({ kind: 'node', script: './tools/server.js', args: [] });
    expect(d.byName['zed-old']!.launch).toMatchObject({ kind: 'npm', name: 'zed-mcp', pinned: '1.0.0' });
  });

  it('Kiro .kiro/settings/mcp.json: --yes, @latest is not pinned, disabled servers skipped', async () => {
    const d = await servers('kiro');
    expect(Object.keys(d.byName)).toEqual(['k']);
    expect(d.byName.k!.launch).toMatchObject({ kind: 'npm', name: 'kiro-mcp' });
    expect(d.byName.k!.launch).not.toHaveProperty('pinned');
  });

  it('Windsurf mcp_config.json: serverUrl and a range', async () => {
    const d = await servers('windsurf');
    expect(d.byName.ws!.launch).toMatchObject({ kind: 'remote', url: 'https://ws.example.com/sse' });
    expect(d.byName.caret!.launch).toMatchObject({ kind: 'npm', name: 'caret-mcp' });
    expect(d.byName.caret!.launch).not.toHaveProperty('pinned');
  });

  it('--config overrides discovery', async () => {
    const d = await discoverConfigs(REPOS, ['codex/.codex/config.toml', 'zed/.zed/settings.json']);
    expect(d.files.map((f) => f.client)).toEqual(['codex', 'zed']);
    expect(d.servers.map((s) => s.name)).toEqual(['docs', 'zed-old', 'zed-srv']);
    const missing = await discoverConfigs(REPOS, ['nope/.mcp.json']);
    expect(missing.findings).toMatchObject([{ rule: 'config-unreadable' }]);
  });
});

describe('user-scope configs (--user)', () => {
  const npx = (spec: string) => ({ command: 'npx', args: ['-y', spec] });

  function home(files: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-vet-home-'));
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
    }
    return dir;
  }

  it("reads each client's user file, and Claude Code's servers for this project only", async () => {
    const repo = path.join(REPOS, 'claude-code');
    const h = home({
      '.claude.json': {
        numStartups: 12,
        mcpServers: { 'user-fs': npx('@modelcontextprotocol/server-filesystem@2026.8.31') },
        projects: {
          [repo]: { mcpServers: { 'local-mem': npx('@modelcontextprotocol/server-memory@2026.8.31') } },
          '/some/other/project': { mcpServers: { elsewhere: npx('other-server@1.0.0') } },
        },
      },
      '.cursor/mcp.json':
        '{ // comments are fine here\n "mcpServers": { "cursor-remote": { "url": "https://mcp.example.com/mcp", }, }, }',
      '.codex/config.toml': '[mcp_servers.codex-srv]\ncommand = "npx"\nargs = ["-y", "codex-srv@2.0.0"]\n',
      '.config/Code/User/settings.json': { 'mcp.servers': { 'vscode-user': npx('vs-srv@1.0.0') } },
      '.config/Claude/claude_desktop_config.json': { mcpServers: { desktop: npx('desk-srv@3.0.0') } },
    });
    try {
      const d = await discoverConfigs(repo, undefined, { userHome: h, platform: 'linux', env: {} });
      expect(d.findings).toEqual([]);
      expect(d.files).toEqual([
        { file: '.mcp.json', client: 'claude-code' },
        { file: '~/.claude.json', client: 'claude-code' },
        { file: '~/.cursor/mcp.json', client: 'cursor' },
        { file: '~/.config/Code/User/settings.json', client: 'vscode-settings' },
        { file: '~/.config/Claude/claude_desktop_config.json', client: 'claude-desktop' },
        { file: '~/.codex/config.toml', client: 'codex' },
      ]);
      const byName = Object.fromEntries(d.servers.map((x) => [x.name, x]));
      expect(Object.keys(byName).sort()).toEqual([
        'codex-srv',
        'cursor-remote',
        'desktop',
        'fs',
        'local-mem',
        'remote',
        'user-fs',
        'vscode-user',
      ]);
      expect(byName['local-mem']!.declaredAt).toEqual([{ file: '~/.claude.json', client: 'claude-code' }]);
      expect(byName['user-fs']!.launch).toMatchObject({ kind: 'npm', pinned: '2026.8.31' });
      // no absolute path of the home directory in what is reported (or locked)
      expect(JSON.stringify(d)).not.toContain(h);
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  });

  it('without --user, the same home is not read', async () => {
    const h = home({ '.cursor/mcp.json': { mcpServers: { x: npx('x@1.0.0') } } });
    try {
      const d = await discoverConfigs(path.join(REPOS, 'cursor'));
      expect(d.servers.map((x) => x.name)).not.toContain('x');
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  });

  it('a malformed user file is a finding naming it by ~/, the rest is still read', async () => {
    const h = home({
      '.cursor/mcp.json': '{ "mcpServers": ',
      '.gemini/settings.json': { mcpServers: { g: npx('g@1.0.0') } },
    });
    try {
      const d = await discoverConfigs(path.join(REPOS, 'cursor'), undefined, {
        userHome: h,
        platform: 'linux',
      });
      expect(d.findings).toMatchObject([{ rule: 'config-malformed', file: '~/.cursor/mcp.json' }]);
      expect(d.servers.map((x) => x.name)).toContain('g');
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  });

  it('knows where macOS and Windows keep the per-user application files', () => {
    const mac = userConfigFormats('/Users/me', '/repo', 'darwin', {});
    expect(mac.find((f) => f.client === 'claude-desktop')).toMatchObject({
      file: '~/Library/Application Support/Claude/claude_desktop_config.json',
      abs: '/Users/me/Library/Application Support/Claude/claude_desktop_config.json',
    });
    const win = userConfigFormats('C:\\Users\\me', 'C:\\repo', 'win32', {
      APPDATA: 'C:\\Users\\me\\AppData\\Roaming',
    });
    expect(win.find((f) => f.client === 'vscode')).toMatchObject({
      file: '%APPDATA%/Code/User/mcp.json',
      abs: 'C:\\Users\\me\\AppData\\Roaming\\Code\\User\\mcp.json',
    });
    expect(win.find((f) => f.client === 'cursor')).toMatchObject({
      file: '~/.cursor/mcp.json',
      abs: 'C:\\Users\\me\\.cursor\\mcp.json',
    });
    const xdg = userConfigFormats('/home/me', '/repo', 'linux', { XDG_CONFIG_HOME: '/cfg' });
    expect(xdg.find((f) => f.client === 'claude-desktop')).toMatchObject({
      file: '$XDG_CONFIG_HOME/Claude/claude_desktop_config.json',
      abs: '/cfg/Claude/claude_desktop_config.json',
    });
  });
});

describe('bad configs are findings, not crashes', () => {
  it('malformed JSON and TOML, a malformed entry, and conflicting duplicates', async () => {
    const d = await servers('broken');
    const rules = d.findings.map((f) => `${f.rule} ${String(f.file ?? f.server)}`).sort();
    expect(rules).toEqual([
      'config-conflict dup',
      'config-malformed .codex/config.toml',
      'config-malformed .cursor/mcp.json',
      'config-malformed .mcp.json', // strict JSON: no trailing comma
    ]);
    expect(d.findings.find((f) => f.rule === 'config-conflict')!.message).toMatch(
      /\.cursor\/mcp\.json.*dup@1\.0\.0.*\.vscode\/mcp\.json.*dup@2\.0\.0/,
    );
    expect(d.byName.dup!.launch).toMatchObject({ pinned: '1.0.0' });
  });
});

describe('launchers', () => {
  it.each([
    [['npx', '-y', 'a@1.0.0', '--flag'], { kind: 'npm', spec: 'a@1.0.0', pinned: '1.0.0', args: ['--flag'] }],
    [['npx', 'a'], { kind: 'npm', spec: 'a', args: [] }],
    [['npx', '-y', '@s/a@^1'], { kind: 'npm', name: '@s/a' }],
    [
      ['npx', '--package', '@s/a@2.0.0', 'a-bin', 'x'],
      { kind: 'npm', name: '@s/a', pinned: '2.0.0', args: ['x'] },
    ],
    [['/usr/local/bin/npx', '-y', 'a@1.0.0'], { kind: 'npm', pinned: '1.0.0' }],
    [['npx.cmd', '-y', 'a@1.0.0'], { kind: 'npm', pinned: '1.0.0' }],
    [['npx', '-y', 'github:user/repo'], { kind: 'unknown' }],
    [['uvx', '--from', 'pkg==1.0', 'cmd'], { kind: 'pypi', spec: 'pkg==1.0', pinned: true, args: [] }],
    [['pipx', 'run', 'pkg'], { kind: 'pypi', spec: 'pkg', pinned: false }],
    [['docker', 'run', '-i', '--rm', `img@sha256:${'a'.repeat(64)}`], { kind: 'oci', pinned: true }],
    [['python', 'server.py'], { kind: 'unknown' }],
  ])('%j', (words, expected) => {
    const [command, ...args] = words as [string, ...string[]];
    expect(recognizeLauncher({ command, args })).toMatchObject(expected);
  });

  it('a command written as one string', () => {
    expect(recognizeLauncher({ command: 'npx -y a@1.0.0' })).toMatchObject({ kind: 'npm', pinned: '1.0.0' });
  });
});
