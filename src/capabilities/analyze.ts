/**
 * Static capability analysis of one JavaScript file: parse it (meriyah, an ESTree parser), walk
 * the tree once without recursion, then decide what every use of a capability-bearing module or
 * global amounts to.
 *
 * What "used" means: a module (`fs`, `child_process`, `https`, …) brought in by `require`,
 * `import`, `import()` or `createRequire` gives its capability only when the code does something
 * with it — calls it, reads a member that does I/O, or lets the module object escape (passes it
 * on, stores it). Importing it for side effects, re-exporting it (`module.exports = require('fs')`,
 * `export * from 'fs'`, TypeScript's `Object.defineProperty(exports, …, { get })`) and reading
 * constants (`fs.constants`, `http.STATUS_CODES`) give nothing: whoever uses the re-export is
 * analysed where it uses it.
 *
 * Bindings are tracked by name per file, not per scope: a local variable that shadows `fs` in one
 * function is treated as `fs` everywhere. That errs towards reporting. Fully dynamic code
 * (`require(x)`, `eval`, `new Function`, `vm`) is reported as `dynamic-code`; what it does cannot
 * be seen statically.
 */
import { parse } from 'meriyah';
import { capabilitiesOfBinding, capabilitiesOfUse, moduleInfo, type ModuleInfo } from './modules.js';
import type { Capability, Hit } from './types.js';

/** An ESTree node as meriyah produces it with `ranges` on; `$p` is the parent, set by the walk. */
interface Node {
  type: string;
  start: number;
  end: number;
  $p?: Node;
  [key: string]: unknown;
}

export type Goal = 'module' | 'script';

export interface FileAnalysis {
  hits: Hit[];
  /** Set when the file could not be analysed (it then has no hits). */
  problem?: { kind: 'syntax' | 'too-deep'; detail: string };
  /** Which goal parsed it. */
  goal?: Goal;
}

/** A name bound to a module (`fs`), to one of its members (`readFile`), or to a `require` function. */
interface Binding {
  mod?: ModuleInfo;
  member?: string;
  require?: true;
}

const REQUIRE_NAMES = new Set(['require', '__require', '__non_webpack_require__']);
/** Interop wrappers that compilers put around `require()`; the module passes through them. */
const INTEROP = new Set([
  '__importDefault',
  '__importStar',
  '_interopRequireDefault',
  '_interopRequireWildcard',
  '_interop_require_default',
  '_interop_require_wildcard',
  '__toESM',
  '__toCommonJS',
]);
const EXPORT_HELPERS = new Set(['__exportStar', '__export', '_exportStar', '__reExport']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const NETWORK_GLOBALS = new Set(['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']);
/** Globals we look at; a file that declares one of these names itself is using its own. */
const WATCHED_GLOBALS = new Set([
  ...NETWORK_GLOBALS,
  'eval',
  'Function',
  'process',
  'setTimeout',
  'setInterval',
]);

/** A sensitive path could be in this text (the pre-filter searches with it too). */
export const SENSITIVE_HINT =
  /\.(?:ssh|aws|kube|gnupg|npmrc|netrc|pgpass|git-credentials|env|docker|azure|config\/gcloud)|id_(?:rsa|ed25519|ecdsa|dsa)|mcp\.json|claude_desktop_config|\/etc\/(?:passwd|shadow)|wallet\.dat/i;
const SENSITIVE_SEGMENTS = new Set([
  '.ssh',
  '.aws',
  '.kube',
  '.gnupg',
  '.npmrc',
  '.netrc',
  '.pgpass',
  '.git-credentials',
  '.env',
  '.docker',
  '.azure',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  'id_dsa',
  'mcp.json',
  'claude_desktop_config.json',
  'wallet.dat',
]);
const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\{}|^]+/gi;
const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d{1,5})?$/;

/** Thresholds of the obfuscation signals (see README "Capabilities"). */
export const OBFUSCATION = {
  /** distinct `_0x1a2b`-style identifiers (javascript-obfuscator's naming) */
  hexIdentifiers: 10,
  /** ASCII letters and digits written as `\x..`/`\u00..` escapes in string literals */
  escapedLetters: 100,
  /** a string literal at least this long, without whitespace, looks like an encoded payload */
  blobLength: 1000,
};

export function analyzeSource(source: string, goal: Goal = 'script'): FileAnalysis {
  return parseAndRun(source, goal);
}

function parseAndRun(source: string, goal: Goal): FileAnalysis {
  let ast: Node | undefined;
  let parsedAs: Goal = goal;
  // a file parsed with the wrong goal first throws; nobody reads those stack traces
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  if (goal === 'script' && MODULE_STATEMENT.test(source)) {
    // ESM given as a script (its package.json's "type" comes later in the tarball, or is
    // missing): parsing it as a script first only fails, late when its exports are at the end.
    // The result stays the one of the script-first order: a module tree with import/export
    // declarations at the top can never parse as a script; without them, the script parse
    // is still tried first below.
    try {
      const m = parseAs(source, 'module');
      if ((m.body as Node[]).some((n) => MODULE_DECLARATIONS.has(n.type))) {
        ast = m;
        parsedAs = 'module';
      }
    } catch {
      // decided below, in the usual order
    }
  }
  try {
    if (!ast) ast = parseAs(source, goal);
  } catch (first) {
    if (isStackOverflow(first)) return tooDeep();
    const other: Goal = goal === 'module' ? 'script' : 'module';
    try {
      ast = parseAs(source, other);
      parsedAs = other;
    } catch (second) {
      if (isStackOverflow(second)) return tooDeep();
      return { hits: [], problem: { kind: 'syntax', detail: syntaxMessage(first) } };
    }
  } finally {
    Error.stackTraceLimit = limit;
  }
  const hits = new FileAnalyzer(source).run(ast);
  return { hits, goal: parsedAs };
}

/** Looks like an import or export statement (a hint for the parse order only). */
const MODULE_STATEMENT =
  /(?:^|[;}])[ \t]*(?:import(?:[ \t]+[\w$*{'"]|[ \t]*[*{'"])|export(?:[ \t]+[\w$*{]|[ \t]*[*{]))/m;
const MODULE_DECLARATIONS = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
]);

const WITH_RANGES = { start: true, end: true, range: false } as const;

function parseAs(source: string, goal: Goal): Node {
  return parse(source, {
    sourceType: goal === 'module' ? 'module' : 'commonjs',
    next: true,
    webcompat: true,
    ranges: WITH_RANGES,
    validateRegex: false,
  }) as unknown as Node;
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

function tooDeep(): FileAnalysis {
  return {
    hits: [],
    problem: { kind: 'too-deep', detail: 'nested too deeply to parse (maximum call stack size exceeded)' },
  };
}

function syntaxMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.length > 200 ? `${m.slice(0, 200)}…` : m;
}

class FileAnalyzer {
  private lineStarts: number[] | undefined;
  private readonly bindings = new Map<string, Binding>();
  private readonly declared = new Set<string>();
  /** Identifiers that are references, and `globalThis.x`-style members naming a watched global. */
  private refs: Node[] = [];
  /** Every name that is declared or assigned to: the only names a binding can ever get. */
  private readonly targets = new Set<string>();
  private readonly calls: Node[] = [];
  private readonly hits: Hit[] = [];
  private readonly stringHits: Hit[] = [];
  private readonly hexIds = new Set<string>();
  private firstHexId = -1;
  private escapedLetters = 0;
  private firstEscaped = -1;
  private blobs: Array<{ start: number; length: number }> = [];

  constructor(private readonly source: string) {}

  run(ast: Node): Hit[] {
    this.walk(ast);
    // a reference matters only when its name is watched or can be bound (see visitRef)
    this.refs = this.refs.filter((r) => {
      const name = refName(r);
      return WATCHED_GLOBALS.has(name) || this.targets.has(name);
    });
    // Bindings first (imports were bound during the walk): createRequire, require() calls, then
    // aliases of bound names (`const fsp = fs.promises`) until nothing new is bound.
    for (const call of this.calls) this.bindCreateRequire(call);
    let hits: Hit[] = [];
    for (let pass = 0; pass < 5; pass++) {
      const before = this.bindings.size;
      hits = [];
      for (const call of this.calls) this.visitCall(call, hits);
      for (const ref of this.refs) this.visitRef(ref, hits);
      if (this.bindings.size === before) break;
    }
    // hits recorded during the walk itself (import/export of a `.node` binary)
    hits.push(...this.hits, ...this.stringHits, ...this.obfuscationHits(hits));
    return hits;
  }

  // -------------------------------------------------------------------------------------------
  // the walk

  private walk(root: Node): void {
    // explicit stack of (node, key) pairs: deeply nested input cannot overflow the call stack here
    const stack: Array<Node | string> = [root, ''];
    while (stack.length > 0) {
      const key = stack.pop() as string;
      const node = stack.pop() as Node;
      this.enter(node, key);
      const childKeys = VISITOR_KEYS[node.type] ?? Object.keys(node).filter((k) => k !== '$p');
      for (let j = childKeys.length - 1; j >= 0; j--) {
        const k = childKeys[j] as string;
        const v = node[k];
        if (v === null || typeof v !== 'object') continue;
        if (Array.isArray(v)) {
          for (let i = v.length - 1; i >= 0; i--) {
            const c = v[i] as Node | null;
            if (c && typeof c.type === 'string') {
              c.$p = node;
              stack.push(c, k);
            }
          }
        } else if (typeof (v as Node).type === 'string') {
          (v as Node).$p = node;
          stack.push(v as Node, k);
        }
      }
    }
  }

  private enter(node: Node, key: string): void {
    switch (node.type) {
      case 'Identifier':
        this.identifier(node, key);
        return;
      case 'CallExpression':
      case 'NewExpression':
      case 'ImportExpression':
        this.calls.push(node);
        return;
      case 'MemberExpression': {
        // globalThis.fetch, window.process: a reference to the global of that name
        const obj = node.object as Node;
        if (obj.type === 'Identifier' && GLOBAL_OBJECTS.has(obj.name as string)) {
          const name = propName(node);
          if (WATCHED_GLOBALS.has(name)) this.refs.push(node);
        }
        return;
      }
      case 'ImportDeclaration':
        this.importDeclaration(node);
        return;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration': {
        const src = node.source as Node | null;
        if (src) this.nativeSpec(src.value, src, this.hits);
        return;
      }
      case 'Literal':
        if (typeof node.value === 'string') this.stringLiteral(node.value, node, true);
        return;
      case 'TemplateElement': {
        const v = node.value as { cooked?: string | null; raw?: string };
        if (typeof v.cooked === 'string') this.stringLiteral(v.cooked, node, false);
        return;
      }
      default:
        return;
    }
  }

  private identifier(node: Node, key: string): void {
    const name = node.name as string;
    if (name.charCodeAt(0) === 95 && /^_0x[0-9a-f]{3,}$/i.test(name)) {
      if (this.hexIds.size === 0) this.firstHexId = node.start;
      this.hexIds.add(name);
    }
    const p = node.$p;
    if (!p) return;
    switch (p.type) {
      case 'MemberExpression':
        if (key === 'property' && !p.computed) return;
        break;
      case 'Property':
        if (key === 'key' && !p.computed) return;
        if (key === 'value' && p.$p?.type === 'ObjectPattern') return this.declare(name);
        break;
      case 'PropertyDefinition':
      case 'MethodDefinition':
      case 'AccessorProperty':
        if (key === 'key' && !p.computed) return;
        break;
      case 'VariableDeclarator':
        if (key === 'id') return this.declare(name);
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (key === 'id' || key === 'params') return this.declare(name);
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (key === 'id') return this.declare(name);
        break;
      case 'CatchClause':
        if (key === 'param') return this.declare(name);
        break;
      case 'ArrayPattern':
      case 'RestElement':
        return this.declare(name);
      case 'AssignmentPattern':
        if (key === 'left') return this.declare(name);
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return this.declare(name);
      case 'ExportSpecifier':
        if (key === 'exported') return;
        break;
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      default:
        break;
    }
    if (key === 'left' && p.type === 'AssignmentExpression') this.targets.add(name);
    this.refs.push(node);
  }

  private declare(name: string): void {
    this.targets.add(name);
    if (WATCHED_GLOBALS.has(name)) this.declared.add(name);
  }

  // -------------------------------------------------------------------------------------------
  // modules

  private importDeclaration(node: Node): void {
    const src = node.source as Node;
    const spec = src.value;
    this.nativeSpec(spec, src, this.hits);
    if (typeof spec !== 'string') return;
    const mod = moduleInfo(spec);
    const createRequire = spec === 'module' || spec === 'node:module';
    for (const s of node.specifiers as Node[]) {
      const local = (s.local as Node).name as string;
      if (s.type === 'ImportSpecifier') {
        const imported = s.imported as Node;
        const member = (imported.name as string | undefined) ?? String(imported.value);
        if (mod) this.bindings.set(local, member === 'default' ? { mod } : { mod, member });
        else if (createRequire && member === 'createRequire')
          this.bindings.set(local, { member: 'createRequire' });
      } else if (mod) {
        this.bindings.set(local, { mod });
      } else if (createRequire) {
        this.bindings.set(local, { member: 'module' });
      }
    }
  }

  /** `const req = createRequire(import.meta.url)`: `req` is a require function. */
  private bindCreateRequire(call: Node): void {
    if (call.type !== 'CallExpression') return;
    const callee = call.callee as Node;
    let isCreate = false;
    if (callee.type === 'Identifier')
      isCreate = this.bindings.get(callee.name as string)?.member === 'createRequire';
    else if (callee.type === 'MemberExpression' && propName(callee) === 'createRequire') {
      const obj = callee.object as Node;
      isCreate = obj.type === 'CallExpression' || (obj.type === 'Identifier' && !!obj.name);
    }
    if (!isCreate) return;
    const p = call.$p;
    if (p?.type === 'VariableDeclarator' && p.init === call && (p.id as Node).type === 'Identifier') {
      this.bindings.set((p.id as Node).name as string, { require: true });
    } else if (p?.type === 'AssignmentExpression' && (p.left as Node).type === 'Identifier') {
      this.bindings.set((p.left as Node).name as string, { require: true });
    }
  }

  private isRequireCallee(callee: Node): boolean {
    if (callee.type === 'Identifier') {
      const name = callee.name as string;
      const b = this.bindings.get(name);
      if (b) return b.require === true;
      return REQUIRE_NAMES.has(name);
    }
    // module.require('x')
    if (callee.type === 'MemberExpression' && propName(callee) === 'require') {
      const obj = callee.object as Node;
      return obj.type === 'Identifier' && obj.name === 'module';
    }
    return false;
  }

  private visitCall(call: Node, hits: Hit[]): void {
    if (call.type === 'ImportExpression') {
      const src = call.source as Node;
      const spec = literalString(src);
      if (spec === undefined) {
        hits.push(this.hit('dynamic-code', call, 'import(<computed>)'));
        return;
      }
      this.nativeSpec(spec, src, hits);
      const mod = moduleInfo(spec);
      if (mod) this.moduleValue(call, mod, hits);
      return;
    }
    const callee = call.callee as Node;
    if (call.type === 'CallExpression' && this.isRequireCallee(callee)) {
      const arg = (call.arguments as Node[])[0];
      if (!arg) return;
      const spec = literalString(arg);
      if (spec === undefined) {
        if (arg.type !== 'SpreadElement') hits.push(this.hit('dynamic-code', call, 'require(<computed>)'));
        return;
      }
      this.nativeSpec(spec, arg, hits);
      const mod = moduleInfo(spec);
      if (mod) this.moduleValue(call, mod, hits);
      return;
    }
    // setTimeout('code', …) evaluates a string
    if (callee.type === 'Identifier' && (callee.name === 'setTimeout' || callee.name === 'setInterval')) {
      const arg = (call.arguments as Node[])[0];
      if (arg && !this.declared.has(callee.name) && literalString(arg) !== undefined) {
        hits.push(this.hit('dynamic-code', call, `${callee.name}(<string>)`));
      }
    }
  }

  /** `node` evaluates to the module `mod` (a require call, an import()): what is done with it? */
  private moduleValue(node: Node, mod: ModuleInfo, hits: Hit[]): void {
    let n = node;
    for (;;) {
      const p = n.$p;
      if (!p) return;
      if (p.type === 'CallExpression' && (p.arguments as Node[])[0] === n && isInterop(p.callee as Node))
        n = p;
      else if (p.type === 'AwaitExpression') n = p;
      else if (p.type === 'ChainExpression') n = p;
      else if (p.type === 'MemberExpression' && p.object === n && propName(p) === 'default') n = p;
      else break;
    }
    const p = n.$p;
    if (!p) return;
    if (p.type === 'VariableDeclarator' && p.init === n) {
      this.bindPattern(p.id as Node, mod, undefined);
      return;
    }
    if (p.type === 'AssignmentExpression' && p.right === n) {
      const left = p.left as Node;
      if (left.type === 'Identifier') {
        this.bindings.set(left.name as string, { mod });
        return;
      }
      if (left.type === 'ObjectPattern') {
        this.bindPattern(left, mod, undefined);
        return;
      }
    }
    if (p.type === 'ExpressionStatement') return; // imported for its side effects only
    if (p.type === 'SequenceExpression' && p.$p?.type === 'ExpressionStatement') return;
    this.use(n, mod, undefined, hits);
  }

  private bindPattern(id: Node, mod: ModuleInfo, member: string | undefined): void {
    if (id.type === 'Identifier') {
      this.bindings.set(id.name as string, member === undefined ? { mod } : { mod, member });
      return;
    }
    if (id.type === 'AssignmentPattern') {
      this.bindPattern(id.left as Node, mod, member);
      return;
    }
    if (id.type !== 'ObjectPattern' || member !== undefined) return;
    for (const prop of id.properties as Node[]) {
      if (prop.type === 'RestElement') {
        this.bindPattern(prop.argument as Node, mod, undefined);
        continue;
      }
      const key = prop.computed ? literalString(prop.key as Node) : keyName(prop.key as Node);
      if (key === undefined) continue;
      const passThrough = key === 'promises' || key === 'default';
      this.bindPattern(prop.value as Node, mod, passThrough ? undefined : key);
    }
  }

  /**
   * `n` is an expression whose value is the module `mod` (member undefined) or one of its members.
   * Record what using it there gives.
   */
  private use(n: Node, mod: ModuleInfo, member: string | undefined, hits: Hit[]): void {
    const p = n.$p;
    if (isExported(n)) return;
    if (p?.type === 'UnaryExpression' && p.operator === 'typeof') return;
    if (member === undefined && p?.type === 'MemberExpression' && p.object === n) {
      const name = propName(p);
      if (
        (name === 'promises' || name === 'default') &&
        p.$p?.type === 'MemberExpression' &&
        p.$p.object === p
      ) {
        this.use(p, mod, undefined, hits);
        return;
      }
      if (name === 'promises' || name === 'default') {
        this.use(p, mod, undefined, hits);
        return;
      }
      if (mod.kind === 'process' && name === 'env') {
        this.envObject(p, hits);
        return;
      }
      if (name === 'then' || name === '*') {
        this.add(hits, p, capabilitiesOfUse(mod, '*'));
        return;
      }
      if (isExported(p)) return;
      if (mod.kind === 'process' && (name === 'binding' || name === '_linkedBinding')) {
        const call = p.$p;
        const arg =
          call?.type === 'CallExpression' && call.callee === p ? (call.arguments as Node[])[0] : undefined;
        const binding = arg ? literalString(arg) : undefined;
        if (binding !== undefined) this.add(hits, p, capabilitiesOfBinding(binding));
        else if (arg) hits.push(this.hit('dynamic-code', p, 'process.binding(<computed>)'));
        return;
      }
      // `const fsp = fs.promises`, `const { readFile } = fs` are handled as aliases below
      if (!this.alias(p, mod, name)) this.add(hits, p, capabilitiesOfUse(mod, name));
      return;
    }
    if (member === undefined && this.alias(n, mod, undefined)) return;
    if (mod.kind === 'process') {
      if (member === 'env') this.envObject(n, hits);
      else if (member !== undefined) this.add(hits, n, capabilitiesOfUse(mod, member));
      return; // the process object passed around is not a capability by itself
    }
    const called = (p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.callee === n;
    this.add(hits, n, capabilitiesOfUse(mod, member ?? (called ? 'default' : '*')));
  }

  /** `const x = <module value>` or `const { a } = <module value>`: a new binding, not a use. */
  private alias(n: Node, mod: ModuleInfo, member: string | undefined): boolean {
    const p = n.$p;
    if (p?.type === 'VariableDeclarator' && p.init === n) {
      if (mod.kind === 'process' && member !== undefined && member !== 'env') return false;
      this.bindPattern(p.id as Node, mod, member);
      return true;
    }
    if (p?.type === 'AssignmentExpression' && p.right === n && (p.left as Node).type === 'Identifier') {
      this.bindings.set((p.left as Node).name as string, member === undefined ? { mod } : { mod, member });
      return true;
    }
    return false;
  }

  private add(hits: Hit[], at: Node, uses: Array<{ cap: Capability; api: string }>): void {
    for (const u of uses) hits.push(this.hit(u.cap, at, u.api));
  }

  /** `n` evaluates to `process.env`. */
  private envObject(n: Node, hits: Hit[]): void {
    const p = n.$p;
    if (p?.type === 'UnaryExpression' && p.operator === 'typeof') return;
    if (p?.type === 'MemberExpression' && p.object === n) {
      const name = propName(p);
      const api = name === '*' ? 'process.env[<computed>]' : `process.env.${name}`;
      hits.push({ ...this.hit('env', p, api), name });
      return;
    }
    if (p?.type === 'VariableDeclarator' && p.init === n && (p.id as Node).type === 'Identifier') {
      this.bindings.set((p.id as Node).name as string, {
        mod: { kind: 'process', name: 'process' },
        member: 'env',
      });
      return;
    }
    const pattern =
      p?.type === 'VariableDeclarator' && p.init === n
        ? (p.id as Node)
        : p?.type === 'AssignmentExpression' && p.right === n
          ? (p.left as Node)
          : undefined;
    if (pattern?.type === 'ObjectPattern') {
      for (const prop of pattern.properties as Node[]) {
        const name =
          prop.type === 'RestElement'
            ? '*'
            : ((prop.computed ? literalString(prop.key as Node) : keyName(prop.key as Node)) ?? '*');
        const api = name === '*' ? 'process.env' : `process.env.${name}`;
        hits.push({ ...this.hit('env', prop, api), name });
      }
      return;
    }
    hits.push({ ...this.hit('env', n, 'process.env'), name: '*' });
  }

  // -------------------------------------------------------------------------------------------
  // references to bound names and watched globals

  private visitRef(node: Node, hits: Hit[]): void {
    const name = refName(node);
    const b = this.bindings.get(name);
    if (b && node.type === 'Identifier') {
      if (b.mod) this.use(node, b.mod, b.member, hits);
      return;
    }
    if (!WATCHED_GLOBALS.has(name) || this.declared.has(name)) return;
    const p = node.$p;
    if (p?.type === 'UnaryExpression' && p.operator === 'typeof') return;
    const called = (p?.type === 'CallExpression' || p?.type === 'NewExpression') && p.callee === node;
    switch (name) {
      case 'process':
        this.use(node, { kind: 'process', name: 'process' }, undefined, hits);
        return;
      case 'eval':
        hits.push(this.hit('dynamic-code', node, 'eval'));
        return;
      case 'Function':
        if (called)
          hits.push(this.hit('dynamic-code', node, p.type === 'NewExpression' ? 'new Function' : 'Function'));
        return;
      case 'setTimeout':
      case 'setInterval':
        return;
      default:
        // fetch, WebSocket, EventSource, XMLHttpRequest; `x.fetch` never gets here
        if (p?.type === 'MemberExpression' && p.object === node && !called) {
          // WebSocket.OPEN and friends are constants; fetch.foo is unusual but harmless
          const name = propName(p);
          if (/^[A-Z_]+$/.test(name)) return;
        }
        if (isExported(node)) return;
        hits.push(this.hit('network', node, p?.type === 'NewExpression' && called ? `new ${name}` : name));
    }
  }

  // -------------------------------------------------------------------------------------------
  // literals

  private nativeSpec(spec: unknown, at: Node, hits: Hit[]): void {
    if (typeof spec === 'string' && spec.endsWith('.node'))
      hits.push(this.hit('native-code', at, `require(${JSON.stringify(spec)})`));
  }

  private stringLiteral(value: string, node: Node, quoted: boolean): void {
    if (value.length === 0) return;
    for (const h of stringValueHits(value)) this.stringHits.push({ ...h, line: this.lineOf(node.start) });
    // obfuscation signals
    if (quoted && node.end - node.start - 2 > value.length + 8) {
      const n = escapedLetters(this.source.slice(node.start, node.end));
      if (n > 0 && this.firstEscaped < 0) this.firstEscaped = node.start;
      this.escapedLetters += n;
    }
    if (value.length >= OBFUSCATION.blobLength && looksEncoded(value)) {
      this.blobs.push({ start: node.start, length: value.length });
    }
  }

  private obfuscationHits(hits: Hit[]): Hit[] {
    const out: Hit[] = [];
    if (this.hexIds.size >= OBFUSCATION.hexIdentifiers) {
      out.push({
        cap: 'obfuscated',
        line: this.lineOf(this.firstHexId),
        api: `_0x… identifiers (${this.hexIds.size} distinct)`,
      });
    }
    if (this.escapedLetters >= OBFUSCATION.escapedLetters) {
      out.push({
        cap: 'obfuscated',
        line: this.lineOf(this.firstEscaped),
        api: `hex-escaped letters in strings (${this.escapedLetters})`,
      });
    }
    const blob = this.blobs[0];
    if (blob && hits.some((h) => h.cap === 'dynamic-code')) {
      out.push({
        cap: 'obfuscated',
        line: this.lineOf(blob.start),
        api: `encoded string of ${blob.length} characters next to dynamic code`,
      });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private hit(cap: Capability, at: Node, api: string): Hit {
    return { cap, line: this.lineOf(at.start), api };
  }

  private lineOf(offset: number): number {
    // line terminators other than \n (a lone \r, U+2028) are rare enough to be counted as none
    this.lineStarts ??= lineStartsOf(this.source);
    return lineAt(this.lineStarts, offset);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

/** Child keys per ESTree node type (as in eslint-visitor-keys); unknown types fall back to all keys. */
const VISITOR_KEYS: Record<string, readonly string[]> = {
  AccessorProperty: ['decorators', 'key', 'value'],
  ArrayExpression: ['elements'],
  ArrayPattern: ['elements'],
  ArrowFunctionExpression: ['params', 'body'],
  AssignmentExpression: ['left', 'right'],
  AssignmentPattern: ['left', 'right'],
  AwaitExpression: ['argument'],
  BinaryExpression: ['left', 'right'],
  BlockStatement: ['body'],
  BreakStatement: ['label'],
  CallExpression: ['callee', 'arguments'],
  CatchClause: ['param', 'body'],
  ChainExpression: ['expression'],
  ClassBody: ['body'],
  ClassDeclaration: ['decorators', 'id', 'superClass', 'body'],
  ClassExpression: ['decorators', 'id', 'superClass', 'body'],
  ConditionalExpression: ['test', 'consequent', 'alternate'],
  ContinueStatement: ['label'],
  DebuggerStatement: [],
  Decorator: ['expression'],
  DoWhileStatement: ['body', 'test'],
  EmptyStatement: [],
  ExportAllDeclaration: ['exported', 'source', 'attributes'],
  ExportDefaultDeclaration: ['declaration'],
  ExportNamedDeclaration: ['declaration', 'specifiers', 'source', 'attributes'],
  ExportSpecifier: ['local', 'exported'],
  ExpressionStatement: ['expression'],
  ForInStatement: ['left', 'right', 'body'],
  ForOfStatement: ['left', 'right', 'body'],
  ForStatement: ['init', 'test', 'update', 'body'],
  FunctionDeclaration: ['id', 'params', 'body'],
  FunctionExpression: ['id', 'params', 'body'],
  Identifier: [],
  IfStatement: ['test', 'consequent', 'alternate'],
  ImportAttribute: ['key', 'value'],
  ImportDeclaration: ['specifiers', 'source', 'attributes'],
  ImportDefaultSpecifier: ['local'],
  ImportExpression: ['source', 'options'],
  ImportNamespaceSpecifier: ['local'],
  ImportSpecifier: ['imported', 'local'],
  LabeledStatement: ['label', 'body'],
  Literal: [],
  LogicalExpression: ['left', 'right'],
  MemberExpression: ['object', 'property'],
  MetaProperty: ['meta', 'property'],
  MethodDefinition: ['decorators', 'key', 'value'],
  NewExpression: ['callee', 'arguments'],
  ObjectExpression: ['properties'],
  ObjectPattern: ['properties'],
  ParenthesizedExpression: ['expression'],
  PrivateIdentifier: [],
  Program: ['body'],
  Property: ['key', 'value'],
  PropertyDefinition: ['decorators', 'key', 'value'],
  RestElement: ['argument'],
  ReturnStatement: ['argument'],
  SequenceExpression: ['expressions'],
  SpreadElement: ['argument'],
  StaticBlock: ['body'],
  Super: [],
  SwitchCase: ['test', 'consequent'],
  SwitchStatement: ['discriminant', 'cases'],
  TaggedTemplateExpression: ['tag', 'quasi'],
  TemplateElement: [],
  TemplateLiteral: ['quasis', 'expressions'],
  ThisExpression: [],
  ThrowStatement: ['argument'],
  TryStatement: ['block', 'handler', 'finalizer'],
  UnaryExpression: ['argument'],
  UpdateExpression: ['argument'],
  VariableDeclaration: ['declarations'],
  VariableDeclarator: ['id', 'init'],
  WhileStatement: ['test', 'body'],
  WithStatement: ['object', 'body'],
  YieldExpression: ['argument'],
};

function propName(member: Node): string {
  const prop = member.property as Node;
  if (!member.computed) {
    if (prop.type === 'Identifier') return prop.name as string;
    if (prop.type === 'PrivateIdentifier') return `#${prop.name as string}`;
    return '*';
  }
  return literalString(prop) ?? '*';
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal') return String(key.value);
  return undefined;
}

/** A string literal or a template literal without substitutions. */
function literalString(n: Node): string | undefined {
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && (n.expressions as Node[]).length === 0) {
    const q = (n.quasis as Node[])[0];
    const cooked = (q?.value as { cooked?: string } | undefined)?.cooked;
    return typeof cooked === 'string' ? cooked : undefined;
  }
  return undefined;
}

function isInterop(callee: Node): boolean {
  if (callee.type === 'Identifier') return INTEROP.has(callee.name as string);
  if (callee.type === 'MemberExpression') return INTEROP.has(propName(callee));
  // (0, tslib.__importDefault)(require('x'))
  if (callee.type === 'SequenceExpression') {
    const exprs = callee.expressions as Node[];
    const last = exprs[exprs.length - 1];
    return !!last && isInterop(last);
  }
  return false;
}

/** `module.exports`, `exports`, `module.exports.x`, `exports.x`. */
function isExportsTarget(n: Node): boolean {
  if (n.type === 'Identifier') return n.name === 'exports';
  if (n.type !== 'MemberExpression') return false;
  const obj = n.object as Node;
  if (obj.type === 'Identifier' && obj.name === 'module' && propName(n) === 'exports') return true;
  return isExportsTarget(obj);
}

/** Is the value of `n` handed straight to the module's exports (a re-export, not a use)? */
function isExported(start: Node): boolean {
  let n = start;
  let p = n.$p;
  if (!p) return false;
  // { fs: require('fs') } or { fs } as the exported object
  if (p.type === 'Property' && p.value === n && p.$p?.type === 'ObjectExpression') {
    n = p.$p;
    p = n.$p;
    if (!p) return false;
  }
  switch (p.type) {
    case 'ExportDefaultDeclaration':
    case 'ExportSpecifier':
      return true;
    case 'AssignmentExpression':
      return p.right === n && isExportsTarget(p.left as Node);
    case 'CallExpression': {
      const callee = p.callee as Node;
      const args = p.arguments as Node[];
      if (args[0] === n && callee.type === 'Identifier' && EXPORT_HELPERS.has(callee.name as string))
        return true;
      if (args[0] === n && callee.type === 'MemberExpression' && EXPORT_HELPERS.has(propName(callee)))
        return true;
      // Object.assign(module.exports, x)
      if (isObjectMethod(callee, 'assign') && args[0] && isExportsTarget(args[0]) && args.includes(n))
        return true;
      return false;
    }
    case 'ReturnStatement':
    case 'ArrowFunctionExpression':
      return isExportGetter(p);
    default:
      return false;
  }
}

/** TypeScript's re-export: Object.defineProperty(exports, "x", { get: function () { return m.x; } }). */
function isExportGetter(from: Node): boolean {
  let fn: Node | undefined = from;
  if (fn.type === 'ReturnStatement') {
    const block = fn.$p;
    if (block?.type !== 'BlockStatement' || (block.body as Node[]).length !== 1) return false;
    fn = block.$p;
  }
  if (fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') return false;
  const prop = fn.$p;
  if (prop?.type !== 'Property' || keyName(prop.key as Node) !== 'get') return false;
  const obj = prop.$p;
  const call = obj?.$p;
  if (call?.type !== 'CallExpression' || !isObjectMethod(call.callee as Node, 'defineProperty')) return false;
  const target = (call.arguments as Node[])[0];
  return !!target && isExportsTarget(target);
}

function isObjectMethod(callee: Node, method: string): boolean {
  return (
    callee.type === 'MemberExpression' &&
    (callee.object as Node).type === 'Identifier' &&
    (callee.object as Node).name === 'Object' &&
    propName(callee) === method
  );
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:)\]]+$/, '');
}

function hostOf(url: string): string | undefined {
  try {
    const h = new URL(url).hostname;
    return h || undefined;
  } catch {
    return undefined;
  }
}

/** No whitespace and a base64/hex-like alphabet: an encoded payload, not prose or code. */
function looksEncoded(s: string): boolean {
  const n = Math.min(s.length, 4096);
  let alnum = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) return false;
    if (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 43 ||
      c === 47 ||
      c === 61
    )
      alnum++;
  }
  return alnum / n > 0.95;
}

/**
 * What a string value gives by itself, wherever it is: hard-coded URLs (with their host) and IPv4
 * addresses (`urls`), sensitive paths. The caller adds the line. Shared by the analysis and the
 * pre-filter's strings-only path (prefilter.ts), so both report exactly the same.
 */
export function stringValueHits(value: string): Array<Omit<Hit, 'line'>> {
  const out: Array<Omit<Hit, 'line'>> = [];
  if (value.length === 0) return out;
  if (value.includes('://')) {
    URL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = URL_RE.exec(value))) {
      const url = trimUrl(m[0]);
      const host = hostOf(url);
      if (host) out.push({ cap: 'urls', api: url.length > 200 ? `${url.slice(0, 200)}…` : url, name: host });
    }
  } else if (value.length <= 21 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57) {
    const m = IPV4_RE.exec(value);
    if (m && [m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255)) {
      out.push({ cap: 'urls', api: value, name: value.replace(/:\d+$/, '') });
    }
  }
  if (value.length <= 300 && SENSITIVE_HINT.test(value)) {
    const segs = value.split(/[\\/]/);
    const hitSeg = segs.find((seg) => {
      const low = seg.toLowerCase();
      return SENSITIVE_SEGMENTS.has(low) || low.startsWith('.env.');
    });
    if (hitSeg || /\/etc\/(?:passwd|shadow)\b|\.config\/gcloud/.test(value)) {
      out.push({ cap: 'sensitive-paths', api: value });
    }
  }
  return out;
}

const ESCAPED_ASCII = /\\x([0-9a-fA-F]{2})|\\u00([0-9a-fA-F]{2})/g;

/** ASCII letters and digits written as `\x..`/`\u00..` escapes in `raw` source text. */
export function escapedLetters(raw: string): number {
  if (!raw.includes('\\x') && !raw.includes('\\u00')) return 0;
  let count = 0;
  ESCAPED_ASCII.lastIndex = 0;
  for (let m = ESCAPED_ASCII.exec(raw); m; m = ESCAPED_ASCII.exec(raw)) {
    const c = parseInt((m[1] ?? m[2]) as string, 16);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) count++;
  }
  return count;
}

/** Line (1-based) of `offset`, counting `\n` only, as the analysis does. */
export function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lineStartsOf(s: string): number[] {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The name a reference stands for: an identifier's, or the global a `globalThis.x` member names. */
function refName(ref: Node): string {
  return ref.type === 'Identifier' ? (ref.name as string) : propName(ref);
}
