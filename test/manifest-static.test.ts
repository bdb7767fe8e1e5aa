/**
 * Static manifests, table-driven on real, syntax-checked source and real files: package.json,
 * server.json (camelCase and snake_case), MCPB manifest.json, tool registrations in code, and the
 * launch plan derived from them.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planLaunch } from '../src/introspect/launch.js';
import { readDeclarations } from '../src/manifest/declarations.js';
import { extractFromSource } from '../src/manifest/extract.js';
import { staticManifest } from '../src/introspect/stage.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => fsp.rm(d, { recursive: true, force: true }))));

async function pkg(files: Record<string, unknown>): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mcp-vet-static-'));
  dirs.push(dir);
  for (const [f, c] of Object.entries(files)) {
    await fsp.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await fsp.writeFile(path.join(dir, f), typeof c === 'string' ? c : JSON.stringify(c));
  }
  return dir;
}

describe('tool registrations in code', () => {
  it.each([
    [
      'registerTool with a raw zod shape',
      `server.registerTool("read_file", { title: "Read", description: "Reads " + "a file.", inputSchema: { path: z.string().describe("Absolute path") }, annotations: { readOnlyHint: true } }, async ({ path }) => ({}));`,
      [
        {
          name: 'read_file',
          title: 'Read',
          description: 'Reads a file.',
          inputSchema: { type: 'object', properties: { path: { description: 'Absolute path' } } },
          annotations: { readOnlyHint: true },
        },
      ],
    ],
    [
      '.tool(name, description, shape, cb) and .tool(name, cb)',
      `server.tool('add', 'Adds numbers', { a: z.number(), b: z.number() }, async () => ({}));\nserver.tool('ping', async () => ({}));`,
      [
        {
          name: 'add',
          description: 'Adds numbers',
          inputSchema: { type: 'object', properties: { a: {}, b: {} } },
        },
        { name: 'ping' },
      ],
    ],
    [
      'a literal array returned by a tools/list handler, elements bound to constants',
      `import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
       const ECHO = { name: "echo", description: \`Echoes \${"back"}\`, inputSchema: { type: "object", properties: {} } };
       const TOOLS = [ECHO, { name: "sum", description: "Sum", inputSchema: zodToJsonSchema(Sum) }];
       server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));`,
      [
        { name: 'echo', description: 'Echoes back', inputSchema: { type: 'object', properties: {} } },
        { name: 'sum', description: 'Sum' },
      ],
    ],
    [
      'CommonJS with a computed template left in place',
      `const types_js = require("x"); server.setRequestHandler(types_js.ListToolsRequestSchema, () => { return { tools: [{ name: "t", description: \`Root: \${root}\` }] }; });`,
      [{ name: 't', description: 'Root: ${…}' }],
    ],
  ])('%s', (_, code, tools) => {
    const r = extractFromSource(code);
    expect(r.error).toBeUndefined();
    expect(r.tools).toEqual(tools);
  });

  it('unparseable code is reported, not thrown', () => {
    expect(extractFromSource('server.registerTool("x", {').error).toMatch(/Unexpected token/);
  });

  it('ignores lookalikes: a .tool() call without a callback, a name that is not a literal', () => {
    expect(extractFromSource(`db.tool('x', 5); server.registerTool(name, {});`).tools).toEqual([]);
  });
});

describe('declarations', () => {
  it('package.json: string bin named after the package, install scripts, mcpName', async () => {
    const dir = await pkg({
      'package.json': {
        name: '@acme/mcp-thing',
        version: '1.2.3',
        bin: 'dist/cli.js',
        mcpName: 'io.github.acme/thing',
        scripts: { postinstall: 'node setup.js', test: 'vitest' },
      },
    });
    expect(await readDeclarations(dir)).toEqual({
      name: '@acme/mcp-thing',
      version: '1.2.3',
      bin: { 'mcp-thing': 'dist/cli.js' },
      mcpName: 'io.github.acme/thing',
      installScripts: { postinstall: 'node setup.js' },
      problems: [],
    });
  });

  const camel = {
    name: 'io.github.acme/fs',
    version: '1.0.0',
    packages: [
      {
        registryType: 'npm',
        identifier: 'acme-fs',
        version: '1.0.0',
        transport: { type: 'stdio' },
        packageArguments: [{ type: 'positional', valueHint: 'dir', isRequired: true, format: 'filepath' }],
        environmentVariables: [{ name: 'ACME_TOKEN', isRequired: true, isSecret: true }],
      },
    ],
  };
  const snake = {
    name: 'io.github.acme/fs',
    version_detail: { version: '1.0.0' },
    packages: [
      {
        registry_name: 'npm',
        name: 'acme-fs',
        version: '1.0.0',
        package_arguments: [{ type: 'positional', value_hint: 'dir', is_required: true, format: 'filepath' }],
        environment_variables: [{ name: 'ACME_TOKEN', is_required: true, is_secret: true }],
      },
    ],
  };
  it.each([
    ['camelCase', camel],
    ['snake_case', snake],
  ])('server.json (%s) normalizes to one shape and plans a launch with placeholders', async (schema, doc) => {
    const dir = await pkg({
      'package.json': { name: 'acme-fs', version: '1.0.0', bin: { 'acme-fs': 'index.js' } },
      'server.json': doc,
    });
    const d = await readDeclarations(dir);
    expect(d.serverJson).toMatchObject({
      schema,
      name: 'io.github.acme/fs',
      version: '1.0.0',
      packages: [
        {
          registryType: 'npm',
          identifier: 'acme-fs',
          packageArguments: [{ type: 'positional', valueHint: 'dir', isRequired: true, format: 'filepath' }],
          environmentVariables: [{ name: 'ACME_TOKEN', isRequired: true, isSecret: true }],
        },
      ],
    });
    expect(planLaunch({ declarations: d, packageDir: '/t/pkg', workDir: '/t/work' })).toEqual({
      file: '/t/pkg/index.js',
      node: true,
      args: ['/t/work'],
      env: { ACME_TOKEN: 'mcp-vet-placeholder' },
      from: 'bin',
    });
  });

  it('MCPB manifest.json: mcp_config with user_config substituted; declared tools as the static fallback', async () => {
    const dir = await pkg({
      'package.json': { name: 'acme-bundle', version: '1.0.0' },
      'manifest.json': {
        manifest_version: '0.2',
        server: {
          type: 'node',
          entry_point: 'server/index.js',
          mcp_config: {
            command: 'node',
            args: [
              '${__dirname}/server/index.js',
              '--root',
              '${user_config.root}',
              '--mode',
              '${user_config.mode}',
            ],
            env: { API_KEY: '${user_config.api_key}' },
          },
        },
        user_config: {
          root: { type: 'directory', required: true },
          mode: { type: 'string', default: 'fast' },
          api_key: { type: 'string', sensitive: true, required: true },
        },
        tools: [{ name: 'search', description: 'Searches.' }],
        prompts: [{ name: 'summarize' }],
      },
    });
    const d = await readDeclarations(dir);
    expect(d.mcpb).toMatchObject({ serverType: 'node', entryPoint: 'server/index.js' });
    expect(planLaunch({ declarations: d, packageDir: '/t/pkg', workDir: '/t/work' })).toEqual({
      file: '/t/pkg/server/index.js',
      node: true,
      args: ['--root', '/t/work', '--mode', 'fast'],
      env: { API_KEY: 'mcp-vet-placeholder' },
      from: 'mcpb',
    });
    const m = await staticManifest(dir, d);
    expect(m).toMatchObject({
      source: 'static',
      tools: [{ name: 'search', description: 'Searches.' }],
      prompts: [{ name: 'summarize' }],
    });
  });

  it('a client config entry beats the declarations; host paths and secrets never pass through', async () => {
    const dir = await pkg({ 'package.json': { name: 'x', version: '1.0.0', bin: 'cli.js' } });
    const d = await readDeclarations(dir);
    const plan = planLaunch({
      declarations: d,
      packageDir: '/t/pkg',
      workDir: '/t/work',
      entry: {
        args: ['--verbose', '/home/me/project', '${input:token}'],
        env: { GITHUB_TOKEN: 'ghp_real', MODE: 'ro' },
      },
    });
    expect(plan).toMatchObject({
      args: ['--verbose', '/t/work', 'mcp-vet-placeholder'],
      env: { GITHUB_TOKEN: 'mcp-vet-placeholder', MODE: 'ro' },
      from: 'client-config',
    });
  });

  it('malformed files are problems naming the file and field, not exceptions', async () => {
    const dir = await pkg({
      'package.json': { name: 'x', version: '1.0.0', bin: 5 },
      'server.json': '{ not json',
    });
    const d = await readDeclarations(dir);
    expect(d.problems).toEqual([
      'package.json: bin is neither a string nor an object',
      expect.stringMatching(/^server\.json: not valid JSON/),
    ]);
    expect(planLaunch({ declarations: d, packageDir: '/p', workDir: '/w' })).toEqual({
      error: 'the package has no "bin" and no MCPB manifest: nothing to start',
    });
  });
});
