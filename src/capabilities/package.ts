/**
 * Capabilities of everything in one tarball: the package itself and any package bundled inside it
 * (`node_modules/…`, attributed to that package, not to the one that ships it).
 */
import { analyzeSource, type FileAnalysis, type Goal } from './analyze.js';
import { readDeclaredFiles, type PackageDeclarations } from './declared.js';
import { prefilter } from './prefilter.js';
import { readTarball, type Want } from './tarball-files.js';
import {
  CAPABILITIES,
  EVIDENCE_CAP,
  HOSTS_CAP,
  type Capability,
  type Evidence,
  type FileProblem,
  type PackageCapabilities,
} from './types.js';

/** Bump when the analysis changes what it reports: cached results of older analyzers are ignored. */
// 3: import/export of .node binaries reported; 4: a file the pre-filter proves empty is not parsed
// (no syntax check), one whose only hits are strings is answered from the pre-filter's scan
export const ANALYZER_VERSION = 'caps-4';

export interface AnalysisLimits {
  /** Larger JavaScript files are not parsed (a `too-large` problem): 5 MiB. */
  maxFileBytes: number;
}

export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = { maxFileBytes: 5 * 1024 * 1024 };

export interface TarballAnalysis {
  analyzer: string;
  integrity: string;
  /** '' is the package itself; `node_modules/x` (…) are bundled packages, relative to it. */
  packages: Record<string, PackageCapabilities>;
  /** server.json / manifest.json found at the top of the package. */
  declarations: PackageDeclarations;
}

const JS = /\.(?:js|cjs|mjs)$/;
const NO_HITS: FileAnalysis = Object.freeze({ hits: [] });
const SUBPACKAGE = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*)(.*)$/;

class Accumulator {
  files = 0;
  bytes = 0;
  readonly evidence = new Map<Capability, Evidence[]>();
  readonly envNames = new Set<string>();
  readonly hosts = new Set<string>();
  readonly problems: FileProblem[] = [];
  type: Goal | undefined;
  scripts: Record<string, unknown> | undefined;
  manifestText: string | undefined;
  bindingGyp = false;

  add(cap: Capability, e: Evidence): void {
    let list = this.evidence.get(cap);
    if (!list) this.evidence.set(cap, (list = []));
    list.push(e);
  }

  finish(): PackageCapabilities {
    // npm runs `node-gyp rebuild` for a package with binding.gyp and no install script of its own
    const scripts = this.scripts ?? {};
    for (const s of ['preinstall', 'install', 'postinstall']) {
      const v = scripts[s];
      if (typeof v === 'string' && v.trim()) {
        this.add('install-scripts', {
          file: 'package.json',
          line: lineIn(this.manifestText, `"${s}"`),
          api: `${s}: ${clip(v)}`,
        });
      }
    }
    if (this.bindingGyp && !scripts.install && !scripts.preinstall) {
      this.add('install-scripts', {
        file: 'binding.gyp',
        line: 0,
        api: 'install: node-gyp rebuild (implicit)',
      });
    }
    const capabilities: PackageCapabilities['capabilities'] = {};
    for (const cap of CAPABILITIES) {
      const list = this.evidence.get(cap);
      if (!list || list.length === 0) continue;
      list.sort(compareEvidence);
      // the same API on the same line once (a URL repeated in one file counts once per line)
      const unique = list.filter((e, i) => i === 0 || compareEvidence(e, list[i - 1] as Evidence) !== 0);
      const shown = cap === 'urls' ? firstPerApi(unique) : unique;
      capabilities[cap] = { evidence: shown.slice(0, EVIDENCE_CAP), count: unique.length };
    }
    return {
      files: this.files,
      bytes: this.bytes,
      capabilities,
      envNames: [...this.envNames].sort(),
      hosts: [...this.hosts].sort().slice(0, HOSTS_CAP),
      problems: this.problems.sort((a, b) => cmp(a.file, b.file) || cmp(a.kind, b.kind)),
    };
  }
}

/** Analyses the cached, verified tarball `tgzPath` (digest = the cache folder name `<algo>-<hex>`). */
export async function analyzeTarball(
  tgzPath: string,
  digest: string,
  integrity: string,
  limits: AnalysisLimits = DEFAULT_ANALYSIS_LIMITS,
): Promise<TarballAnalysis> {
  const subs = new Map<string, Accumulator>();
  const sub = (root: string): Accumulator => {
    let a = subs.get(root);
    if (!a) subs.set(root, (a = new Accumulator()));
    return a;
  };
  const declaredFiles: Record<string, string> = {};
  /** results by goal and source text: dual builds and copied helpers are analysed once */
  const seen = { module: new Map<string, FileAnalysis>(), script: new Map<string, FileAnalysis>() };
  /** `type` of package.json files seen so far, by folder ('' = package root) */
  const types = new Map<string, Goal>();

  const split = (path: string): { root: string; rel: string } => {
    const m = SUBPACKAGE.exec(path) as RegExpExecArray;
    return { root: (m[1] as string).replace(/\/$/, ''), rel: m[2] as string };
  };
  const goalFor = (path: string, pkgType: Goal | undefined): Goal => {
    if (path.endsWith('.mjs')) return 'module';
    if (path.endsWith('.cjs')) return 'script';
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const t = types.get(dir);
      if (t) return t;
      if (dir === '') break;
    }
    return pkgType ?? 'script';
  };

  await readTarball(tgzPath, digest, {
    want(path, size): Want {
      const { rel } = split(path);
      if (JS.test(path)) return size > limits.maxFileBytes ? 'head' : 'content';
      if (rel === 'package.json' || path.endsWith('/package.json') || path === 'package.json')
        return size <= 1024 * 1024 ? 'content' : 'head';
      if (path === 'server.json' || path === 'manifest.json') return size <= 1024 * 1024 ? 'content' : 'head';
      return 'head';
    },
    file(path, size, data) {
      const { root, rel } = split(path);
      const acc = sub(root);
      const base = rel.slice(rel.lastIndexOf('/') + 1);
      if (base === 'package.json' && data.length === size) {
        try {
          const pj = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
          const t = pj.type === 'module' ? 'module' : pj.type === 'commonjs' ? 'script' : undefined;
          if (t) types.set(dirname(path), t);
          if (rel === 'package.json') {
            acc.type = t;
            acc.manifestText = data.toString('utf8');
            if (pj.scripts && typeof pj.scripts === 'object')
              acc.scripts = pj.scripts as Record<string, unknown>;
          }
        } catch {
          // not JSON: npm would refuse it at the root; elsewhere it is just a file
        }
        return;
      }
      if ((path === 'server.json' || path === 'manifest.json') && data.length === size) {
        declaredFiles[path] = data.toString('utf8');
        return;
      }
      if (base === 'binding.gyp') {
        acc.bindingGyp = true;
        acc.add('native-code', { file: rel, line: 0, api: 'binding.gyp (node-gyp build)' });
        return;
      }
      if (base.endsWith('.node')) {
        acc.add('native-code', { file: rel, line: 0, api: 'native addon (.node)' });
        return;
      }
      const binary = binaryKind(data);
      if (!JS.test(path)) {
        if (binary) acc.add('native-code', { file: rel, line: 0, api: `prebuilt binary (${binary})` });
        return;
      }
      if (size > limits.maxFileBytes) {
        acc.problems.push({
          file: rel,
          kind: 'too-large',
          detail: `${size} bytes, over the ${limits.maxFileBytes}-byte limit; not parsed`,
        });
        return;
      }
      if (binary || data.subarray(0, 8192).includes(0)) {
        acc.problems.push({
          file: rel,
          kind: 'binary',
          detail: `binary content${binary ? ` (${binary})` : ''} in a JavaScript file; not parsed`,
        });
        if (binary) acc.add('native-code', { file: rel, line: 0, api: `prebuilt binary (${binary})` });
        return;
      }
      acc.files++;
      acc.bytes += size;
      const goal = goalFor(path, acc.type);
      const source = data.toString('utf8');
      let result = seen[goal].get(source);
      if (!result) {
        // A file the pre-filter proves empty is not parsed: whatever its syntax, it can give no
        // hit (a syntax error in it hides nothing). One whose only possible hits are string
        // values gets them from the pre-filter's scan, without a parser.
        const p = prefilter(source);
        result =
          p.verdict === 'none'
            ? NO_HITS
            : p.verdict === 'strings'
              ? { hits: p.hits }
              : analyzeSource(source, goal);
        seen[goal].set(source, result);
      }
      if (result.problem) {
        acc.problems.push({ file: rel, kind: result.problem.kind, detail: result.problem.detail });
        return;
      }
      for (const h of result.hits) {
        acc.add(h.cap, { file: rel, line: h.line, api: h.api });
        if (h.cap === 'env' && h.name) acc.envNames.add(h.name);
        if (h.cap === 'urls' && h.name) acc.hosts.add(h.name);
      }
    },
  });

  const packages: Record<string, PackageCapabilities> = {};
  for (const root of [...subs.keys()].sort()) packages[root] = (subs.get(root) as Accumulator).finish();
  if (!packages['']) packages[''] = new Accumulator().finish();
  return {
    analyzer: ANALYZER_VERSION,
    integrity,
    packages,
    declarations: readDeclaredFiles(declaredFiles),
  };
}

function binaryKind(head: Buffer): string | undefined {
  if (head.length < 4) return undefined;
  const b0 = head[0];
  const b1 = head[1];
  const b2 = head[2];
  const b3 = head[3];
  if (b0 === 0x7f && b1 === 0x45 && b2 === 0x4c && b3 === 0x46) return 'ELF';
  if (b0 === 0x4d && b1 === 0x5a) return 'PE';
  const word = head.readUInt32BE(0);
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(word)) return 'Mach-O';
  return undefined;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function lineIn(text: string | undefined, needle: string): number {
  if (!text) return 0;
  const i = text.indexOf(needle);
  if (i < 0) return 0;
  let line = 1;
  for (let j = text.indexOf('\n'); j >= 0 && j < i; j = text.indexOf('\n', j + 1)) line++;
  return line;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 120)}…` : one;
}

/** For URLs the interesting thing is which URLs, not how often: first place of each. */
function firstPerApi(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => (seen.has(e.api) ? false : (seen.add(e.api), true)));
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return cmp(a.file, b.file) || a.line - b.line || cmp(a.api, b.api);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
