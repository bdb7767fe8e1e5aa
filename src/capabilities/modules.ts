/**
 * What importing a module gives the code that uses it. Node built-ins are matched with and without
 * the `node:` prefix; the third-party entries are the well-known libraries whose only job is the
 * capability (an HTTP client, a process spawner, an fs wrapper, a native-addon loader).
 */
import type { Capability } from './types.js';

export type ModuleKind = 'fs' | 'shell' | 'network' | 'vm' | 'process' | 'module' | 'native';

export interface ModuleInfo {
  kind: ModuleKind;
  /** The spec as written, without `node:` (used in evidence: `child_process.exec`). */
  name: string;
}

const BUILTINS: Record<string, ModuleKind> = {
  fs: 'fs',
  'fs/promises': 'fs',
  child_process: 'shell',
  http: 'network',
  https: 'network',
  http2: 'network',
  net: 'network',
  tls: 'network',
  dgram: 'network',
  dns: 'network',
  'dns/promises': 'network',
  vm: 'vm',
  process: 'process',
  module: 'module',
};

const LIBRARIES: Record<string, ModuleKind> = {
  // fs wrappers
  'graceful-fs': 'fs',
  'fs-extra': 'fs',
  // process spawners
  execa: 'shell',
  'cross-spawn': 'shell',
  shelljs: 'shell',
  zx: 'shell',
  'node-pty': 'shell',
  '@npmcli/promise-spawn': 'shell',
  // HTTP and socket clients
  undici: 'network',
  ws: 'network',
  axios: 'network',
  'node-fetch': 'network',
  got: 'network',
  ky: 'network',
  superagent: 'network',
  request: 'network',
  needle: 'network',
  'cross-fetch': 'network',
  'isomorphic-fetch': 'network',
  'make-fetch-happen': 'network',
  'minipass-fetch': 'network',
  'npm-registry-fetch': 'network',
  eventsource: 'network',
  'socket.io-client': 'network',
  phin: 'network',
  bent: 'network',
  ofetch: 'network',
  'node-fetch-native': 'network',
  // native addon loaders
  bindings: 'native',
  'node-gyp-build': 'native',
  'node-pre-gyp': 'native',
  '@mapbox/node-pre-gyp': 'native',
  'prebuild-install': 'native',
};

export function moduleInfo(spec: string): ModuleInfo | undefined {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  const builtin = BUILTINS[bare];
  if (builtin) return { kind: builtin, name: bare };
  // a library's subpath (`undici/lib/fetch`, `axios/dist/node/axios.cjs`) is the library
  const m = /^(@[^/]+\/[^/]+|[^/@][^/]*)/.exec(spec);
  const pkg = m?.[1];
  const lib = pkg ? LIBRARIES[pkg] : undefined;
  return lib ? { kind: lib, name: pkg! } : undefined;
}

const FS_NEUTRAL = new Set([
  'constants',
  'F_OK',
  'R_OK',
  'W_OK',
  'X_OK',
  'Stats',
  'Dirent',
  'Dir',
  'ReadStream',
  'WriteStream',
  'FileHandle',
]);
const FS_WRITE = new Set([
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'unlink',
  'unlinkSync',
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'symlink',
  'symlinkSync',
  'link',
  'linkSync',
  'chmod',
  'chmodSync',
  'lchmod',
  'lchmodSync',
  'fchmod',
  'fchmodSync',
  'chown',
  'chownSync',
  'lchown',
  'lchownSync',
  'fchown',
  'fchownSync',
  'truncate',
  'truncateSync',
  'ftruncate',
  'ftruncateSync',
  'utimes',
  'utimesSync',
  'lutimes',
  'lutimesSync',
  'futimes',
  'futimesSync',
  'write',
  'writeSync',
  'writev',
  'writevSync',
  // fs-extra
  'outputFile',
  'outputFileSync',
  'outputJson',
  'outputJsonSync',
  'outputJSON',
  'writeJson',
  'writeJsonSync',
  'writeJSON',
  'remove',
  'removeSync',
  'emptyDir',
  'emptyDirSync',
  'emptydir',
  'ensureDir',
  'ensureDirSync',
  'mkdirs',
  'mkdirsSync',
  'mkdirp',
  'mkdirpSync',
  'ensureFile',
  'ensureFileSync',
  'createFile',
  'ensureLink',
  'ensureSymlink',
  'move',
  'moveSync',
  'copy',
  'copySync',
]);
/** `http.STATUS_CODES`, `net.isIP()`: constants and pure helpers, no I/O. */
const NETWORK_NEUTRAL = new Set([
  'STATUS_CODES',
  'METHODS',
  'maxHeaderSize',
  'validateHeaderName',
  'validateHeaderValue',
  'isIP',
  'isIPv4',
  'isIPv6',
]);

/** process.binding('<name>'): internal bindings that bypass the public modules. */
export function capabilitiesOfBinding(name: string): ModuleUse[] {
  const api = `process.binding(${JSON.stringify(name)})`;
  if (name === 'spawn_sync' || name === 'process_wrap') return [{ cap: 'shell', api }];
  if (name === 'fs' || name === 'fs_dir')
    return [
      { cap: 'fs-read', api },
      { cap: 'fs-write', api },
    ];
  if (/^(?:tcp_wrap|udp_wrap|tls_wrap|cares_wrap|pipe_wrap|stream_wrap|js_stream)$/.test(name))
    return [{ cap: 'network', api }];
  return [];
}

export interface ModuleUse {
  cap: Capability;
  api: string;
}

/**
 * The capabilities that using `member` of a module gives (`*` = the whole module escapes, or a
 * computed member; `default` = the module itself is called).
 */
export function capabilitiesOfUse(mod: ModuleInfo, member: string): ModuleUse[] {
  const api = member === '*' || member === 'default' ? mod.name : `${mod.name}.${member}`;
  switch (mod.kind) {
    case 'fs':
      if (FS_NEUTRAL.has(member)) return [];
      if (member === '*' || member === 'default')
        return [
          { cap: 'fs-read', api },
          { cap: 'fs-write', api },
        ];
      if (FS_WRITE.has(member)) return [{ cap: 'fs-write', api }];
      return [{ cap: 'fs-read', api }];
    case 'shell':
      return [{ cap: 'shell', api }];
    case 'network':
      return NETWORK_NEUTRAL.has(member) ? [] : [{ cap: 'network', api }];
    case 'vm':
      return member === 'isContext' ? [] : [{ cap: 'dynamic-code', api }];
    case 'native':
      return [{ cap: 'native-code', api }];
    case 'process':
      // process.binding() reaches Node's internal bindings; which ones is decided where it is called
      if (member === 'dlopen') return [{ cap: 'native-code', api: 'process.dlopen' }];
      return [];
    case 'module':
      return [];
  }
}
