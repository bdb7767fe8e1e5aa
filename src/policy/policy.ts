/**
 * Policy files: YAML, validated against a schema with errors that name the file, the line and
 * the field and say what is allowed; `extends:` a preset shipped in policies/ (`default`,
 * `strict`) or another file, then override any part. Objects merge key by key; lists and
 * scalars replace; `suppressions` from every file in the chain add up.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import parseSpdx from 'spdx-expression-parse';
import semver from 'semver';
import { CAPABILITIES as ALL_CAPABILITIES, type Capability } from '../capabilities/types.js';
import { VetError } from '../errors.js';
import type { Severity } from '../model.js';
import type { Suppression } from './suppressions.js';

export type Action = 'reject' | 'warn' | 'info';
/** What a policy can allow or deny: every capability except the informational literals. */
export const CAPABILITIES = ALL_CAPABILITIES.filter(
  (c): c is Exclude<Capability, 'urls' | 'sensitive-paths'> => c !== 'urls' && c !== 'sensitive-paths',
);
export type CapabilityName = (typeof CAPABILITIES)[number];

export interface Policy {
  'fail-on': Severity;
  vulnerabilities: { severity: Severity; 'on-unavailable': 'fail' | 'warn' };
  licenses: { allow?: string[]; deny: string[]; unknown: 'allow' | 'warn' | 'reject' };
  capabilities: {
    deny: CapabilityName[];
    dependencies: { deny: CapabilityName[] };
    /** Per server (package name): capabilities allowed despite the deny lists. */
    allow: Record<string, CapabilityName[]>;
  };
  'tool-text': { severity: Severity };
  introspection: { failed: Action; changed: Action };
  lockfile: { unpinned: Action; missing: Action; changes: Action };
  hygiene: { deprecated: Action; 'not-npm': Action; 'min-age-days': number };
  servers: { allow?: string[]; deny: string[] };
  packages: { deny: string[] };
  /** On a pull request: findings about packages the approved lock already had. */
  baseline: { existing: 'warn' | 'reject' };
  suppressions: Suppression[];
}

export interface LoadedPolicy {
  policy: Policy;
  /** Every file read, the repository's first, presets as `preset:<name>`. */
  files: string[];
  /** The preset at the root of the `extends` chain. */
  preset?: string;
}

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const REQUIRED_HINTS: Record<string, string> = {
  reason: 'say why it is acceptable, for the next reviewer',
  expires: 'a date, YYYY-MM-DD: suppressions never last forever',
};
const ACTIONS = ['reject', 'warn', 'info'];

// ---------------------------------------------------------------------------------------------
// schema: a tiny description language, enough for good messages

type Schema =
  | { kind: 'enum'; values: string[] }
  | { kind: 'string'; check?: (v: string) => string | undefined }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'list'; of: Schema }
  | { kind: 'object'; fields: Record<string, Schema>; required?: string[] }
  | { kind: 'map'; of: Schema; key: string };

const e = (...values: string[]): Schema => ({ kind: 'enum', values });
const str = (check?: (v: string) => string | undefined): Schema => ({ kind: 'string', check });
const list = (of: Schema): Schema => ({ kind: 'list', of });
const obj = (fields: Record<string, Schema>, required?: string[]): Schema => ({
  kind: 'object',
  fields,
  required,
});

const spdxCheck = (v: string): string | undefined => {
  try {
    parseSpdx(v);
    return undefined;
  } catch {
    return `"${v}" is not a valid SPDX license expression (e.g. MIT, Apache-2.0, "MIT OR GPL-3.0-only")`;
  }
};
const packageRefCheck = (v: string): string | undefined =>
  parsePackageRef(v)
    ? undefined
    : `"${v}" is not a package reference (use name, name@range or pkg:npm/name@range)`;
const dateCheck = (v: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
    ? undefined
    : `"${v}" is not a date (use YYYY-MM-DD)`;

const capability = e(...CAPABILITIES);
const SCHEMA: Schema = obj({
  extends: str(),
  'fail-on': e(...SEVERITIES),
  vulnerabilities: obj({ severity: e(...SEVERITIES), 'on-unavailable': e('fail', 'warn') }),
  licenses: obj({
    allow: list(str(spdxCheck)),
    deny: list(str(spdxCheck)),
    unknown: e('allow', 'warn', 'reject'),
  }),
  capabilities: obj({
    deny: list(capability),
    dependencies: obj({ deny: list(capability) }),
    allow: { kind: 'map', key: 'server package name', of: list(capability) },
  }),
  'tool-text': obj({ severity: e(...SEVERITIES) }),
  introspection: obj({ failed: e(...ACTIONS), changed: e('reject', 'warn') }),
  lockfile: obj({ unpinned: e(...ACTIONS), missing: e(...ACTIONS), changes: e(...ACTIONS) }),
  hygiene: obj({
    deprecated: e(...ACTIONS),
    'not-npm': e(...ACTIONS),
    'min-age-days': { kind: 'int', min: 0, max: 3650 },
  }),
  servers: obj({ allow: list(str(packageRefCheck)), deny: list(str(packageRefCheck)) }),
  packages: obj({ deny: list(str(packageRefCheck)) }),
  baseline: obj({ existing: e('warn', 'reject') }),
  suppressions: list(
    obj(
      {
        rule: str(),
        id: str(),
        package: str(),
        server: str(),
        reason: str(),
        expires: str(dateCheck),
      },
      ['reason', 'expires'],
    ),
  ),
});

function closest(word: string, options: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
    return d[a.length]![b.length]!;
  };
  let best: string | undefined;
  let bestD = 3;
  for (const o of options) {
    const dd = dist(word, o);
    if (dd < bestD) {
      bestD = dd;
      best = o;
    }
  }
  return best;
}

/** Validates a YAML node against the schema; returns plain JS. */
function validate(
  node: Node | null,
  schema: Schema,
  path: string,
  at: (n: Node | null | undefined) => string,
): unknown {
  const fail = (msg: string, n: Node | null | undefined = node): never => {
    throw new VetError('E_USAGE', `${at(n)}: ${path || '(top level)'}: ${msg}`);
  };
  switch (schema.kind) {
    case 'enum': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'string' || !schema.values.includes(v)) {
        fail(
          `${JSON.stringify(isScalar(node) ? node.value : '(not a value)')} is not allowed; use one of ${schema.values.join(', ')}`,
        );
      }
      return v;
    }
    case 'string': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'string' && typeof v !== 'number') fail('must be a string');
      const s = String(v).trim();
      const problem = schema.check?.(s);
      if (problem) fail(problem);
      return s;
    }
    case 'int': {
      const v = isScalar(node) ? node.value : undefined;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < schema.min || v > schema.max) {
        fail(`must be a whole number from ${schema.min} to ${schema.max}`);
      }
      return v;
    }
    case 'list': {
      if (node === null || (isScalar(node) && node.value === null)) return [];
      if (!isSeq(node)) fail('must be a list');
      return (node as YAMLSeq).items.map((item, i) => validate(item as Node, schema.of, `${path}[${i}]`, at));
    }
    case 'map':
    case 'object': {
      if (node === null || (isScalar(node) && node.value === null)) return {};
      if (!isMap(node))
        fail(
          schema.kind === 'map'
            ? `must be a mapping of ${schema.key} to values`
            : 'must be a mapping (key: value)',
        );
      const out: Record<string, unknown> = {};
      for (const pair of (node as YAMLMap).items as Pair<Node, Node>[]) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const sub = path ? `${path}.${key}` : key;
        if (schema.kind === 'map') {
          out[key] = validate(pair.value, schema.of, sub, at);
          continue;
        }
        const field = schema.fields[key];
        if (!field) {
          const allowed = Object.keys(schema.fields);
          const guess = closest(key, allowed);
          fail(
            `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; allowed here: ${allowed.join(', ')}`,
            pair.key,
          );
        }
        out[key] = validate(pair.value, field!, sub, at);
      }
      for (const r of schema.kind === 'object' ? (schema.required ?? []) : []) {
        if (out[r] === undefined || out[r] === '')
          fail(`needs "${r}"${REQUIRED_HINTS[r] ? ` (${REQUIRED_HINTS[r]})` : ''}`);
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// loading

/** Where the shipped presets live: policies/ at the package root (found from src/ or dist/). */
export function presetDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'policies', 'default.yml'))) return join(dir, 'policies');
    dir = dirname(dir);
  }
  throw new VetError('E_INTERNAL', 'the policies/ folder with the presets is missing from this installation');
}

export function presetNames(): string[] {
  return ['default', 'strict'];
}

interface RawFile {
  data: Record<string, unknown>;
  extendsNode?: { value: string; at: string };
}

function readPolicyFile(file: string, display: string): RawFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new VetError('E_USAGE', `the policy file ${display} could not be read: ${(err as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0]!;
    const line = err.linePos?.[0]?.line;
    throw new VetError(
      'E_USAGE',
      `${display}${line ? `:${line}` : ''}: not valid YAML (${err.message.split('\n')[0]})`,
    );
  }
  const at = (n: Node | null | undefined): string => {
    const offset = n?.range?.[0];
    return offset === undefined ? display : `${display}:${lines.linePos(offset).line}`;
  };
  const root = doc.contents as Node | null;
  const data = (validate(root, SCHEMA, '', at) ?? {}) as Record<string, unknown>;
  // remember where each suppression was declared
  if (Array.isArray(data.suppressions) && isMap(root)) {
    const seq = root.get('suppressions', true) as Node | undefined;
    if (seq && isSeq(seq)) {
      (data.suppressions as Record<string, unknown>[]).forEach((s, i) => {
        s.source = at(seq.items[i] as Node);
      });
    }
  }
  for (const sup of (data.suppressions as Record<string, unknown>[] | undefined) ?? []) {
    if (!sup.rule && !sup.id) {
      throw new VetError(
        'E_USAGE',
        `${String(sup.source)}: a suppression needs "rule" or "id" (or both), or it would suppress everything`,
      );
    }
  }
  let extendsNode: RawFile['extendsNode'];
  if (typeof data.extends === 'string' && isMap(root)) {
    extendsNode = { value: data.extends, at: at(root.get('extends', true) as Node) };
  }
  delete data.extends;
  return { data, extendsNode };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === 'suppressions') out[k] = [...((base[k] as unknown[]) ?? []), ...((v as unknown[]) ?? [])];
    else if (isObject(v) && isObject(base[k]) && k !== 'allow')
      out[k] = merge(base[k] as Record<string, unknown>, v);
    else if (isObject(v) && isObject(base[k]) && k === 'allow') out[k] = { ...(base[k] as object), ...v };
    else out[k] = v;
  }
  return out;
}

/**
 * Loads a policy: a preset name (`default`, `strict`) or a file, following `extends` (presets or
 * relative paths), detecting loops. `display` names the file in messages.
 */
export function loadPolicy(ref: string, cwd: string): LoadedPolicy {
  const files: string[] = [];
  const seen = new Set<string>();
  let preset: string | undefined;
  const load = (refName: string, from: string, where: string): Record<string, unknown> => {
    let file: string;
    let display: string;
    if (presetNames().includes(refName)) {
      file = join(presetDir(), `${refName}.yml`);
      display = `preset:${refName}`;
      preset = refName;
    } else {
      file = resolve(from, refName);
      display = relative(cwd, file) || refName;
      if (!existsSync(file)) {
        throw new VetError(
          'E_USAGE',
          `${where}: "${refName}" is neither a preset (${presetNames().join(', ')}) nor an existing file (${file})`,
        );
      }
    }
    const real = realpathSync(file);
    if (seen.has(real))
      throw new VetError('E_USAGE', `${where}: extends "${refName}" loops back to ${display}`);
    seen.add(real);
    files.push(display);
    const raw = readPolicyFile(file, display);
    const base = raw.extendsNode ? load(raw.extendsNode.value, dirname(file), raw.extendsNode.at) : {};
    return merge(base, raw.data);
  };
  const data = load(ref, cwd, '--policy');
  return { policy: finish(data), files, ...(preset ? { preset } : {}) };
}

/** Fills what no file set (every preset sets everything; a file without `extends` gets these). */
function finish(data: Record<string, unknown>): Policy {
  const defaults: Policy = {
    'fail-on': 'high',
    vulnerabilities: { severity: 'high', 'on-unavailable': 'fail' },
    licenses: { deny: [], unknown: 'allow' },
    capabilities: { deny: [], dependencies: { deny: [] }, allow: {} },
    'tool-text': { severity: 'medium' },
    introspection: { failed: 'warn', changed: 'reject' },
    lockfile: { unpinned: 'reject', missing: 'reject', changes: 'reject' },
    hygiene: { deprecated: 'warn', 'not-npm': 'reject', 'min-age-days': 0 },
    servers: { deny: [] },
    packages: { deny: [] },
    baseline: { existing: 'warn' },
    suppressions: [],
  };
  return merge(defaults as unknown as Record<string, unknown>, data) as unknown as Policy;
}

// ---------------------------------------------------------------------------------------------
// package references: name, name@range, pkg:npm/name@range

export interface PackageRef {
  name: string;
  range?: string;
}

export function parsePackageRef(raw: string): PackageRef | undefined {
  let s = raw.trim();
  if (s.startsWith('pkg:npm/')) {
    s = decodeURIComponent(s.slice('pkg:npm/'.length));
  }
  const at = s.lastIndexOf('@');
  const name = at > 0 ? s.slice(0, at) : s;
  const range = at > 0 ? s.slice(at + 1) : undefined;
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  if (range !== undefined && !semver.validRange(range)) return undefined;
  return { name, ...(range ? { range } : {}) };
}

export function refMatches(ref: PackageRef, name: string, version: string): boolean {
  if (ref.name !== name) return false;
  if (!ref.range) return true;
  return semver.satisfies(version, ref.range, { includePrerelease: true });
}

export interface PolicyChoice {
  /** `--policy` / the action's `policy` input: a file or a preset name. */
  ref?: string;
  cwd: string;
  /** `--fail-on`: a thin alias setting fail-on, vulnerabilities.severity and tool-text.severity. */
  failOn?: Severity;
  /** `--on-unavailable`: alias of vulnerabilities.on-unavailable. */
  onUnavailable?: 'fail' | 'warn';
}

/** The effective policy: the named one, else `.mcp-vet.yml` when present, else the default preset; then flags. */
export function resolvePolicy(c: PolicyChoice): LoadedPolicy {
  const ref = c.ref ?? (existsSync(join(c.cwd, '.mcp-vet.yml')) ? '.mcp-vet.yml' : 'default');
  const loaded = loadPolicy(ref, c.cwd);
  const p = loaded.policy;
  if (c.failOn) {
    p['fail-on'] = c.failOn;
    p.vulnerabilities.severity = c.failOn;
    p['tool-text'].severity = c.failOn;
    loaded.files.push(`--fail-on ${c.failOn}`);
  }
  if (c.onUnavailable) {
    p.vulnerabilities['on-unavailable'] = c.onUnavailable;
    loaded.files.push(`--on-unavailable ${c.onUnavailable}`);
  }
  return loaded;
}
