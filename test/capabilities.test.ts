/**
 * Table-driven tests of the per-file capability analysis: real, small code samples for every
 * capability and for the false-positive traps. Each case lists the exact set of `cap api` pairs
 * expected (urls/sensitive-paths included), so an extra hit fails the test as much as a missing one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSource, type Goal } from '../src/capabilities/analyze.js';
import { declaredPermissions, readDeclaredFiles } from '../src/capabilities/declared.js';

interface Case {
  name: string;
  code: string;
  goal?: Goal;
  /** `cap api` strings, any order; duplicates matter */
  expect: string[];
  /** for env: the names seen */
  names?: string[];
}

const CASES: Case[] = [
  // --- network
  {
    name: 'https.request via require',
    code: `const https = require('https');\nhttps.request({host: 'x'});`,
    expect: ['network https.request'],
  },
  {
    name: 'node: prefix, ESM named import',
    goal: 'module',
    code: `import { connect } from 'node:net';\nconnect(80);`,
    expect: ['network net.connect'],
  },
  { name: 'global fetch', code: `async function f(u) { return fetch(u); }`, expect: ['network fetch'] },
  { name: 'globalThis.fetch', code: `globalThis.fetch('/x');`, expect: ['network fetch'] },
  { name: 'new WebSocket', code: `const ws = new WebSocket(url);`, expect: ['network new WebSocket'] },
  {
    name: 'axios default import called',
    goal: 'module',
    code: `import axios from 'axios';\naxios.get(u);`,
    expect: ['network axios.get'],
  },
  {
    name: 'undici subpath',
    code: `const { request } = require('undici');\nrequest(u);`,
    expect: ['network undici.request'],
  },
  {
    name: 'typeof fetch is a feature test, not a use',
    code: `if (typeof fetch === 'function') {}`,
    expect: [],
  },
  {
    name: 'a locally defined fetch is not the network',
    code: `function fetch(k) { return cache[k]; }\nfetch('a');`,
    expect: [],
  },
  {
    name: 'http.STATUS_CODES is a constant',
    code: `const http = require('http');\nconsole.log(http.STATUS_CODES[404]);`,
    expect: [],
  },
  { name: 'x.fetch() on an object is not global fetch', code: `client.fetch(u); this.fetch();`, expect: [] },
  {
    name: 'await import of a network module',
    goal: 'module',
    code: `const http = await import('node:http');\nhttp.createServer();`,
    expect: ['network http.createServer'],
  },
  // --- shell
  {
    name: 'child_process.exec',
    code: `const cp = require('child_process');\ncp.exec('ls');`,
    expect: ['shell child_process.exec'],
  },
  {
    name: 'destructured spawn',
    code: `const { spawn } = require('node:child_process');\nspawn('git', ['status']);`,
    expect: ['shell child_process.spawn'],
  },
  {
    name: 'TypeScript interop helper',
    code: `const child_process_1 = __importDefault(require("child_process"));\n(0, child_process_1.default.execSync)('ls');`,
    expect: ['shell child_process.execSync'],
  },
  {
    name: 'cross-spawn called',
    code: `const spawn = require('cross-spawn');\nspawn('npm', ['i']);`,
    expect: ['shell cross-spawn'],
  },
  {
    name: 'direct member call on require',
    code: `require('child_process').execFileSync('id');`,
    expect: ['shell child_process.execFileSync'],
  },
  {
    name: 'TRAP: child_process in a comment and a string',
    code: `// we never use child_process here\nconst msg = "child_process is not used";\nconsole.log(msg);`,
    expect: [],
  },
  {
    name: 'TRAP: a property called exec on an unrelated object',
    code: `const re = /a/;\nre.exec('a');\ndb.exec('select 1');\nconst o = { exec() {} };\no.exec();`,
    expect: [],
  },
  {
    name: 'TRAP: exec imported but a regexp exec used',
    code: `const { exec } = require('child_process');\n/x/.exec('y');`,
    expect: [],
  },
  // --- fs
  {
    name: 'fs read and write split',
    code: `const fs = require('fs');\nfs.readFileSync('a');\nfs.writeFileSync('b', 'x');\nfs.unlinkSync('c');`,
    expect: ['fs-read fs.readFileSync', 'fs-write fs.writeFileSync', 'fs-write fs.unlinkSync'],
  },
  {
    name: 'fs/promises named imports',
    goal: 'module',
    code: `import { readFile, rm } from 'fs/promises';\nawait readFile('a');\nawait rm('b');`,
    expect: ['fs-read fs/promises.readFile', 'fs-write fs/promises.rm'],
  },
  {
    name: 'fs.promises chain',
    code: `const fs = require('fs');\nfs.promises.mkdir('d');`,
    expect: ['fs-write fs.mkdir'],
  },
  {
    name: 'alias of fs.promises',
    code: `const fsp = require('fs').promises;\nfsp.readdir('.');`,
    expect: ['fs-read fs.readdir'],
  },
  {
    name: 'TRAP: fs imported and only used for constants',
    code: `const fs = require('fs');\nconst mode = fs.constants.R_OK | fs.F_OK;`,
    expect: [],
  },
  {
    name: 'TRAP: require("fs") re-exported but not called',
    code: `module.exports = require('fs');`,
    expect: [],
  },
  {
    name: 'TRAP: fs re-exported as a property',
    code: `const fs = require('fs');\nmodule.exports = { fs, readFile: fs.readFile };`,
    expect: [],
  },
  {
    name: 'TRAP: ESM re-exports of fs',
    goal: 'module',
    code: `export * from 'fs';\nexport { readFile } from 'fs/promises';\nimport fs from 'fs';\nexport default fs;`,
    expect: [],
  },
  {
    name: 'TRAP: TypeScript re-export getter',
    code: `var fs_1 = require("fs");\nObject.defineProperty(exports, "readFile", { enumerable: true, get: function () { return fs_1.readFile; } });`,
    expect: [],
  },
  {
    name: 'TRAP: side-effect import only',
    goal: 'module',
    code: `import 'fs';\nimport 'child_process';`,
    expect: [],
  },
  {
    name: 'fs object escaping into a call',
    code: `const fs = require('graceful-fs');\npatch(fs);`,
    expect: ['fs-read graceful-fs', 'fs-write graceful-fs'],
  },
  {
    name: 'use before the require (hoisted function)',
    code: `function go() { return fs.readFileSync('x'); }\nvar fs = require('fs');`,
    expect: ['fs-read fs.readFileSync'],
  },
  // --- env
  {
    name: 'process.env literal names',
    code: `const t = process.env.GITHUB_TOKEN;\nconst h = process.env['HOME'];`,
    expect: ['env process.env.GITHUB_TOKEN', 'env process.env.HOME'],
    names: ['GITHUB_TOKEN', 'HOME'],
  },
  {
    name: 'process.env destructured',
    code: `const { API_KEY, ...rest } = process.env;`,
    expect: ['env process.env.API_KEY', 'env process.env'],
    names: ['*', 'API_KEY'],
  },
  {
    name: 'process.env computed',
    code: `const v = process.env[name];`,
    expect: ['env process.env[<computed>]'],
    names: ['*'],
  },
  {
    name: 'whole env passed on',
    code: `spawnIt({ env: { ...process.env, X: '1' } });`,
    expect: ['env process.env'],
    names: ['*'],
  },
  {
    name: 'env alias',
    code: `const env = process.env;\nif (env.DEBUG) {}`,
    expect: ['env process.env.DEBUG'],
    names: ['DEBUG'],
  },
  {
    name: 'import { env } from process',
    goal: 'module',
    code: `import { env } from 'node:process';\nconsole.log(env.PORT);`,
    expect: ['env process.env.PORT'],
    names: ['PORT'],
  },
  { name: 'TRAP: process.cwd is not env', code: `process.cwd(); process.on('exit', () => {});`, expect: [] },
  // --- dynamic code
  { name: 'eval', code: `eval(src);`, expect: ['dynamic-code eval'] },
  {
    name: 'new Function',
    code: `const f = new Function('a', 'return a');`,
    expect: ['dynamic-code new Function'],
  },
  {
    name: 'vm',
    code: `const vm = require('vm');\nvm.runInNewContext(code);`,
    expect: ['dynamic-code vm.runInNewContext'],
  },
  {
    name: 'computed require',
    code: `const m = require(name);`,
    expect: ['dynamic-code require(<computed>)'],
  },
  {
    name: 'computed import()',
    goal: 'module',
    code: `const m = await import(name);`,
    expect: ['dynamic-code import(<computed>)'],
  },
  {
    name: 'createRequire then a computed require',
    goal: 'module',
    code: `import { createRequire } from 'node:module';\nconst req = createRequire(import.meta.url);\nreq(x);\nreq('child_process').exec('ls');`,
    expect: ['dynamic-code require(<computed>)', 'shell child_process.exec'],
  },
  { name: 'TRAP: literal template require is not dynamic', code: 'const x = require(`./x.js`);', expect: [] },
  {
    name: 'TRAP: Function.prototype is not new Function',
    code: `const call = Function.prototype.call;`,
    expect: [],
  },
  // --- native
  {
    name: 'require of a .node file',
    code: `const addon = require('./build/Release/addon.node');`,
    expect: ['native-code require("./build/Release/addon.node")'],
  },
  { name: 'process.dlopen', code: `process.dlopen(module, file);`, expect: ['native-code process.dlopen'] },
  {
    name: 'ESM import and re-export of a .node binary',
    goal: 'module',
    code: `import addon from './build/Release/addon.node';\nexport * from './other.node';\naddon.run();`,
    expect: ['native-code require("./build/Release/addon.node")', 'native-code require("./other.node")'],
  },
  {
    name: 'bindings loader',
    code: `const b = require('bindings')('addon');`,
    expect: ['native-code bindings'],
  },
  {
    name: 'process.binding spawn_sync is shell',
    code: `process.binding('spawn_sync').spawn(opts);`,
    expect: ['shell process.binding("spawn_sync")'],
  },
  // --- urls and sensitive paths
  {
    name: 'hard-coded URL and IP',
    code: `const u = "https://evil.example.com/collect?x=1";\nconst ip = '45.9.148.3';`,
    expect: ['urls https://evil.example.com/collect?x=1', 'urls 45.9.148.3'],
  },
  {
    name: 'sensitive paths',
    code: `const k = path.join(os.homedir(), '.ssh', 'id_rsa');\nconst c = '~/.aws/credentials';\nconst m = '.cursor/mcp.json';`,
    expect: [
      'sensitive-paths .ssh',
      'sensitive-paths id_rsa',
      'sensitive-paths ~/.aws/credentials',
      'sensitive-paths .cursor/mcp.json',
    ],
  },
  {
    name: 'TRAP: prose mentioning .env is not a path',
    code: `throw new Error('set TOKEN in your .env file');`,
    expect: [],
  },
  // --- syntax variants
  {
    name: 'hashbang',
    code: `#!/usr/bin/env node\nrequire('child_process').spawn('x');`,
    expect: ['shell child_process.spawn'],
  },
  {
    name: 'ESM file given as script falls back to module',
    goal: 'script',
    code: `import { exec } from 'child_process';\nexec('x');`,
    expect: ['shell child_process.exec'],
  },
  {
    name: 'top-level return (CommonJS) given as module falls back',
    goal: 'module',
    code: `if (x) return;\nrequire('fs').rmSync('d');`,
    expect: ['fs-write fs.rmSync'],
  },
  {
    name: 'esbuild __require shim',
    goal: 'module',
    code: `var __require = typeof require !== "undefined" ? require : null;\nvar cp = __require("child_process");\ncp.fork("w.js");`,
    expect: ['shell child_process.fork'],
  },
];

describe('analyzeSource: capabilities and false-positive traps', () => {
  it.each(CASES)('$name', (c) => {
    const r = analyzeSource(c.code, c.goal ?? 'script');
    expect(r.problem).toBeUndefined();
    expect(r.hits.map((h) => `${h.cap} ${h.api}`).sort()).toEqual([...c.expect].sort());
    if (c.names) {
      expect([...new Set(r.hits.filter((h) => h.cap === 'env').map((h) => h.name))].sort()).toEqual(c.names);
    }
  });

  it('reports line numbers', () => {
    const r = analyzeSource(`\n\nconst fs = require('fs');\n\nfs.writeFile('a', 'b', cb);`);
    expect(r.hits).toEqual([{ cap: 'fs-write', line: 5, api: 'fs.writeFile' }]);
  });
});

describe('analyzeSource: obfuscation', () => {
  it('flags javascript-obfuscator style identifier soup', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `_0x${(0x1a2b + i).toString(16)}`);
    const code = ids.map((id, i) => `var ${id} = ${i};`).join('');
    expect(analyzeSource(code).hits.map((h) => h.cap)).toEqual(['obfuscated']);
  });

  it('flags hex-escaped letters in strings', () => {
    const esc = (s: string): string => [...s].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join('');
    const code = Array.from({ length: 10 }, (_, i) => `var s${i} = "${esc('require child_process')}";`).join(
      '\n',
    );
    expect(analyzeSource(code).hits.map((h) => h.cap)).toContain('obfuscated');
  });

  it('flags an encoded payload next to eval', () => {
    const blob = Buffer.from(
      'x'.repeat(3000).replace(/x/g, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))),
    ).toString('base64');
    const r = analyzeSource(`eval(Buffer.from("${blob}", "base64").toString());`);
    expect(r.hits.map((h) => h.cap).sort()).toEqual(['dynamic-code', 'obfuscated']);
  });

  it('does not flag ordinary minified code', () => {
    const min =
      `!function(e,t){"object"==typeof exports?module.exports=t():e.lib=t()}(this,function(){var a=function(n){return n*2},b=[1,2,3].map(a);return{a:a,b:b,c:"\\u00e9t\\u00e9"}});`.repeat(
        50,
      );
    expect(analyzeSource(min).hits).toEqual([]);
  });

  it('does not flag a long base64 string without dynamic code (an embedded wasm module)', () => {
    const blob = Buffer.alloc(4000, 7).toString('base64');
    expect(analyzeSource(`module.exports = "${blob}";`).hits).toEqual([]);
  });
});

describe('analyzeSource: bad input', () => {
  it('reports a syntax error instead of throwing', () => {
    const r = analyzeSource('function (');
    expect(r.problem?.kind).toBe('syntax');
    expect(r.hits).toEqual([]);
  });

  it('survives deeply nested expressions', () => {
    const depth = 100_000;
    const r = analyzeSource(`x = ${'('.repeat(depth)}1${')'.repeat(depth)};`);
    expect(r.problem?.kind).toBe('too-deep');
  });

  it('walks a deep but parseable tree without recursion', () => {
    const depth = 2000;
    const r = analyzeSource(`x = ${'['.repeat(depth)}require('fs').rmSync('a')${']'.repeat(depth)};`);
    expect(r.problem).toBeUndefined();
    expect(r.hits.map((h) => h.api)).toEqual(['fs.rmSync']);
  });
});

describe('declared permissions', () => {
  it('reads server.json in camelCase and snake_case', () => {
    const camel = {
      packages: [
        {
          registryType: 'npm',
          identifier: 'srv',
          transport: { type: 'stdio' },
          environmentVariables: [
            { name: 'API_TOKEN', isSecret: true, isRequired: true },
            { name: 'CONFIG_FILE', format: 'filepath' },
          ],
          packageArguments: [{ type: 'positional', valueHint: 'directory', isRequired: true }],
        },
      ],
      remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com/mcp' }],
    };
    const snake = {
      packages: [
        {
          registry_name: 'npm',
          name: 'srv',
          environment_variables: [{ name: 'API_TOKEN', is_secret: true, is_required: true }],
        },
      ],
    };
    const a = declaredPermissions(readDeclaredFiles({ 'server.json': JSON.stringify(camel) }), 'srv');
    expect(a.env).toEqual([
      { name: 'API_TOKEN', secret: true, required: true, source: 'server.json' },
      { name: 'CONFIG_FILE', secret: false, required: false, format: 'filepath', source: 'server.json' },
    ]);
    expect(a.inputs).toEqual([{ name: 'CONFIG_FILE', type: 'file', required: false, source: 'server.json' }]);
    expect(a.arguments).toEqual([
      { kind: 'positional', value: 'directory', required: true, source: 'server.json' },
    ]);
    expect(a.remotes).toEqual([
      { url: 'https://mcp.example.com/mcp', transport: 'streamable-http', source: 'server.json' },
    ]);
    expect(a.transports).toEqual(['stdio', 'streamable-http']);
    const b = declaredPermissions(readDeclaredFiles({ 'server.json': JSON.stringify(snake) }), 'srv');
    expect(b.env).toEqual([{ name: 'API_TOKEN', secret: true, required: true, source: 'server.json' }]);
  });

  it('reads an MCPB manifest user_config and a config entry without copying secrets', () => {
    const manifest = {
      server: {
        type: 'node',
        mcp_config: {
          command: 'node',
          args: ['${__dirname}/index.js', '${user_config.root}'],
          env: { KEY: '${user_config.key}' },
        },
      },
      user_config: {
        root: { type: 'directory', required: true, multiple: true },
        key: { type: 'string', sensitive: true },
      },
    };
    const d = declaredPermissions(readDeclaredFiles({ 'manifest.json': JSON.stringify(manifest) }), 'srv', {
      command: 'npx',
      args: ['-y', 'srv@1.0.0', '/home/me/projects', '--token=ghp_abcdefabcdefabcdefabcdefabcdefabcdef'],
      env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_secret', LOG_LEVEL: 'debug' },
    });
    expect(d.sources).toEqual(['config', 'manifest.json']);
    expect(d.inputs).toEqual([
      { name: 'root', type: 'directory', required: true, multiple: true, source: 'manifest.json' },
    ]);
    expect(d.env.map((e) => `${e.name}:${e.secret}:${e.source}`)).toEqual([
      'GITHUB_PERSONAL_ACCESS_TOKEN:true:config',
      'KEY:true:manifest.json',
      'LOG_LEVEL:false:config',
    ]);
    expect(JSON.stringify(d)).not.toContain('ghp_');
    expect(d.arguments.filter((a) => a.source === 'config')).toEqual([
      { kind: 'positional', value: '/home/me/projects', required: true, source: 'config' },
      { kind: 'named', name: '--token', secret: true, required: true, source: 'config' },
    ]);
  });
});
