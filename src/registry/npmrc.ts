/**
 * Reads `.npmrc` the way npm does, for the settings that decide where packages come from and
 * how we authenticate: `registry`, `@scope:registry`, `//host/path/:_authToken` (and the other
 * per-registry auth keys npm-registry-fetch understands), plus `strict-ssl`, `ca`, proxies.
 *
 * npm's precedence is project `.npmrc` > user `~/.npmrc` (or `$NPM_CONFIG_USERCONFIG`) >
 * global; `npm_config_*` environment variables beat all files. `${VAR}` in values expands from
 * the environment; an unset variable is an error in npm too, so we say which file and key.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { VetError } from '../errors.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface NpmConfig {
  /** Default registry, always ending in `/`. */
  registry: string;
  /** Options passed as-is to npm-registry-fetch (auth keys, scoped registries, TLS, proxy). */
  fetchOptions: Record<string, unknown>;
  /** The files that were read, in precedence order (highest first). */
  files: string[];
}

export interface NpmrcSources {
  /** Directory whose `.npmrc` is the project config (default: the working directory). */
  projectDir?: string;
  /** Explicit user config file (default: `$NPM_CONFIG_USERCONFIG` or `~/.npmrc`). */
  userconfig?: string;
  env?: NodeJS.ProcessEnv;
  /** `--registry` on the command line beats every file. */
  registryOverride?: string;
}

const KEY_ALIASES: Record<string, string> = {
  'strict-ssl': 'strictSSL',
  'https-proxy': 'httpsProxy',
  noproxy: 'noProxy',
  'no-proxy': 'noProxy',
  'fetch-retries': 'retry.retries',
  'fetch-retry-mintimeout': 'retry.minTimeout',
  'fetch-retry-maxtimeout': 'retry.maxTimeout',
  'fetch-timeout': 'timeout',
  'user-agent': 'userAgent',
  'max-sockets': 'maxSockets',
};

export function normalizeRegistryUrl(url: string, where: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VetError(
      'E_NPMRC',
      `${where}: registry "${url}" is not a URL; use e.g. https://registry.npmjs.org/`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VetError('E_NPMRC', `${where}: registry "${url}" must be an http(s) URL`);
  }
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

function expandEnv(value: string, env: NodeJS.ProcessEnv, where: string): string {
  return value.replace(/(\\*)\$\{([^${}]+)\}/g, (whole, slashes: string, name: string) => {
    // npm: an even number of backslashes means the ${} is live; odd means escaped.
    if (slashes.length % 2 === 1) return whole.slice(1);
    const v = env[name];
    if (v === undefined) {
      throw new VetError(
        'E_NPMRC',
        `${where}: \${${name}} is not set in the environment; export it or remove the line`,
      );
    }
    return slashes.slice(slashes.length / 2) + v;
  });
}

function readIniFile(file: string, env: NodeJS.ProcessEnv): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return null;
    throw new VetError('E_NPMRC', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const raw = parseIni(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const key = expandEnv(k, env, `${file} (key ${k})`);
    out[key] = typeof v === 'string' ? expandEnv(v, env, `${file} (${k})`) : v;
  }
  return out;
}

function setOption(target: Record<string, unknown>, key: string, value: unknown): void {
  const alias = KEY_ALIASES[key] ?? key;
  if (alias.startsWith('retry.')) {
    const retry = (target.retry as Record<string, unknown> | undefined) ?? {};
    retry[alias.slice(6)] = Number(value);
    target.retry = retry;
    return;
  }
  if (alias === 'strictSSL') {
    target.strictSSL = value !== false && value !== 'false';
    return;
  }
  if (alias === 'timeout' || alias === 'maxSockets') {
    target[alias] = Number(value);
    return;
  }
  target[alias] = value;
}

/** Loads the effective npm configuration. Pure apart from reading the files it names. */
export function loadNpmConfig(sources: NpmrcSources = {}): NpmConfig {
  const env = sources.env ?? process.env;
  const projectDir = resolve(sources.projectDir ?? process.cwd());
  const userconfig =
    sources.userconfig ?? env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  const globalconfig = env.NPM_CONFIG_GLOBALCONFIG ?? env.npm_config_globalconfig;

  // lowest precedence first; later ones overwrite
  const candidates = [globalconfig, userconfig, join(projectDir, '.npmrc')].filter(
    (f): f is string => typeof f === 'string' && f.length > 0,
  );
  const merged: Record<string, unknown> = {};
  const files: string[] = [];
  const seen = new Set<string>();
  for (const file of candidates) {
    const abs = resolve(file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const data = readIniFile(abs, env);
    if (!data) continue;
    files.unshift(abs);
    for (const [k, v] of Object.entries(data)) setOption(merged, k, v);
  }
  // npm_config_* environment variables beat files (npm lower-cases and maps _ to -)
  for (const [k, v] of Object.entries(env)) {
    const m = /^npm_config_(.+)$/i.exec(k);
    if (!m || v === undefined || !m[1]) continue;
    const key = m[1].toLowerCase();
    if (key === 'userconfig' || key === 'globalconfig' || key === 'cache') continue;
    if (key === 'registry' || key.includes(':') || key.startsWith('//')) setOption(merged, key, v);
    else if (key.replace(/_/g, '-') in KEY_ALIASES) setOption(merged, key.replace(/_/g, '-'), v);
  }
  // NODE_AUTH_TOKEN is what actions/setup-node writes into .npmrc as ${NODE_AUTH_TOKEN}; nothing extra here.

  let registry = DEFAULT_REGISTRY;
  if (typeof merged.registry === 'string')
    registry = normalizeRegistryUrl(merged.registry, files[0] ?? '.npmrc');
  if (sources.registryOverride) registry = normalizeRegistryUrl(sources.registryOverride, '--registry');

  const fetchOptions: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(merged)) {
    if (k === 'registry') continue;
    if (/^@[^:]+:registry$/.test(k) && typeof v === 'string') {
      fetchOptions[k] = normalizeRegistryUrl(v, `.npmrc key ${k}`);
      continue;
    }
    fetchOptions[k] = v;
  }
  fetchOptions.registry = registry;
  return { registry, fetchOptions, files };
}

/** The registry a package name is fetched from: `@scope:registry` when set, else the default. */
export function registryFor(name: string, config: NpmConfig): string {
  if (name.startsWith('@')) {
    const scope = name.slice(0, name.indexOf('/'));
    const scoped = config.fetchOptions[`${scope}:registry`];
    if (typeof scoped === 'string') return scoped;
  }
  return config.registry;
}
