/**
 * Static fallback: tool registrations read from a server's JavaScript without running it, for when
 * introspection is skipped or fails. Recognized (the shapes the official SDKs and most servers use):
 *
 *   server.registerTool('name', { title, description, inputSchema, annotations }, handler)
 *   server.tool('name', 'description'?, { …schema }?, { …annotations }?, handler)
 *   server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [ … ] }))   // literal arrays,
 *     elements given inline or as identifiers bound to object literals in the same file
 *   server.prompt(...) / server.registerPrompt(...) the same way, for prompts
 *
 * Only literal values are recovered: string and template literals (with `${…}` left in place),
 * numbers, booleans, objects, arrays and string concatenation. A zod schema (`z.string()…`)
 * becomes `{}`, with any `.describe('…')` text kept as `description`. What cannot be known
 * statically is left out, never guessed; the result is labelled `source: 'static'`.
 */
import { parse, type Node } from 'acorn';
import { simple } from 'acorn-walk';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface StaticExtraction {
  tools: Record<string, unknown>[];
  prompts: Record<string, unknown>[];
  /** Files that could not be parsed, and limits hit. */
  warnings: string[];
  filesScanned: number;
}

const MAX_FILES = 400;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Bundled servers ship megabytes of JS; a static guess is not worth more than this. */
const TIME_BUDGET_MS = 2000;
const PREFILTER =
  /\.(registerTool|registerPrompt|tool|prompt)\(\s*["'`\w]|setRequestHandler\(\s*[\w$.]*List(Tools|Prompts)RequestSchema/;
const JS = /\.(c|m)?js$/;

/* eslint-disable @typescript-eslint/no-explicit-any -- ESTree nodes from acorn are untyped here */
type AnyNode = any;

/** Scans the package's own JavaScript (not its node_modules) for tool registrations. */
export async function extractFromPackage(dir: string): Promise<StaticExtraction> {
  const out: StaticExtraction = { tools: [], prompts: [], warnings: [], filesScanned: 0 };
  const files = (await listJs(dir, '')).sort();
  if (files.length > MAX_FILES)
    out.warnings.push(`only the first ${MAX_FILES} of ${files.length} JavaScript files were scanned`);
  const seen = new Set<string>();
  const deadline = Date.now() + TIME_BUDGET_MS;
  for (const rel of files.slice(0, MAX_FILES)) {
    const file = path.join(dir, rel);
    const st = await stat(file);
    if (st.size > MAX_FILE_BYTES) {
      out.warnings.push(`${rel}: larger than ${MAX_FILE_BYTES} bytes, not scanned`);
      continue;
    }
    const code = await readFile(file, 'utf8');
    // parsing is the cost (about 0.5 s per MB): only files with a call we could recover are parsed
    if (!PREFILTER.test(code)) continue;
    if (Date.now() > deadline) {
      out.warnings.push(`stopped after ${TIME_BUDGET_MS} ms; ${rel} and later files were not scanned`);
      break;
    }
    out.filesScanned++;
    const r = extractFromSource(code);
    if (r.error) out.warnings.push(`${rel}: not parsed (${r.error})`);
    for (const [list, items] of [
      [out.tools, r.tools],
      [out.prompts, r.prompts],
    ] as const) {
      for (const item of items) {
        const key = `${list === out.tools ? 't' : 'p'}:${String(item.name)}`;
        if (seen.has(key)) continue; // the same server often ships cjs and esm builds
        seen.add(key);
        list.push(item);
      }
    }
  }
  return out;
}

async function listJs(root: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listJs(root, r)));
    else if (e.isFile() && JS.test(e.name) && !/\.(test|spec)\.|\.min\./.test(e.name)) out.push(r);
  }
  return out;
}

export function extractFromSource(code: string): {
  tools: Record<string, unknown>[];
  prompts: Record<string, unknown>[];
  error?: string;
} {
  let ast: Node;
  const opts = {
    ecmaVersion: 'latest' as const,
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
  };
  try {
    ast = parse(code, { ...opts, sourceType: 'module' });
  } catch (err) {
    try {
      ast = parse(code, { ...opts, sourceType: 'script' });
    } catch {
      return { tools: [], prompts: [], error: (err as Error).message };
    }
  }
  // One pass: remember `const X = …` bindings and candidate calls, resolve the calls afterwards
  // (a binding may be declared after the call that uses it).
  const bindings = new Map<string, AnyNode>();
  const calls: AnyNode[] = [];
  simple(ast, {
    VariableDeclarator(n: AnyNode) {
      if (n.id?.type === 'Identifier' && n.init && !bindings.has(n.id.name)) bindings.set(n.id.name, n.init);
    },
    CallExpression(n: AnyNode) {
      const callee = n.callee;
      if (callee?.type === 'MemberExpression' && !callee.computed && CALLS.has(callee.property?.name))
        calls.push(n);
    },
  });
  const tools: Record<string, unknown>[] = [];
  const prompts: Record<string, unknown>[] = [];
  for (const n of calls) {
    const method: string = n.callee.property.name;
    const args: AnyNode[] = n.arguments;
    if (method === 'registerTool' || method === 'registerPrompt') {
      const name = literal(args[0], bindings);
      if (typeof name !== 'string') continue;
      const config = literal(args[1], bindings);
      const item: Record<string, unknown> = { name, ...(isObj(config) ? config : {}) };
      // a raw zod shape ({ a: z.string() }) stands for an object schema with those properties
      for (const k of ['inputSchema', 'outputSchema', 'argsSchema']) {
        const sch = item[k];
        if (isObj(sch) && sch.type === undefined) item[k] = { type: 'object', properties: sch };
      }
      (method === 'registerTool' ? tools : prompts).push(item);
    } else if (method === 'tool' || method === 'prompt') {
      // .tool(name, description?, paramsSchema?, annotations?, cb): the callback is last
      const name = literal(args[0], bindings);
      if (typeof name !== 'string' || args.length < 2) continue;
      const last = args[args.length - 1];
      if (
        last?.type !== 'ArrowFunctionExpression' &&
        last?.type !== 'FunctionExpression' &&
        last?.type !== 'Identifier'
      )
        continue;
      const item: Record<string, unknown> = { name };
      const middle = args.slice(1, -1).map((a) => literal(a, bindings));
      if (typeof middle[0] === 'string') item.description = middle.shift();
      if (isObj(middle[0])) {
        const schemaKey = method === 'tool' ? 'inputSchema' : 'arguments';
        item[schemaKey] = method === 'tool' ? { type: 'object', properties: middle.shift() } : middle.shift();
      }
      if (method === 'tool' && isObj(middle[0])) item.annotations = middle.shift();
      (method === 'tool' ? tools : prompts).push(item);
    } else {
      const schema = args[0];
      const which =
        schema?.type === 'Identifier'
          ? schema.name
          : schema?.type === 'MemberExpression' && schema.property?.type === 'Identifier'
            ? schema.property.name
            : '';
      const kind = /ListToolsRequestSchema/.test(which)
        ? 'tools'
        : /ListPromptsRequestSchema/.test(which)
          ? 'prompts'
          : '';
      if (!kind || !args[1]) continue;
      for (const item of listedItems(args[1], kind, bindings))
        (kind === 'tools' ? tools : prompts).push(item);
    }
  }
  return { tools, prompts };
}

/** Object literals in `{ <kind>: [...] }` anywhere inside a handler function. */
function listedItems(
  handler: AnyNode,
  kind: string,
  bindings: Map<string, AnyNode>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  simple(handler, {
    ObjectExpression(o: AnyNode) {
      for (const p of o.properties) {
        if (p.type !== 'Property' || propKey(p) !== kind) continue;
        let arr = p.value;
        if (arr.type === 'Identifier') arr = bindings.get(arr.name);
        if (arr?.type !== 'ArrayExpression') continue;
        for (const el of arr.elements) {
          if (el?.type === 'SpreadElement') {
            const inner = el.argument?.type === 'Identifier' ? bindings.get(el.argument.name) : el.argument;
            if (inner?.type === 'ArrayExpression') {
              for (const x of inner.elements) {
                const v = literal(x, bindings);
                if (isObj(v) && typeof v.name === 'string') out.push(v);
              }
            }
            continue;
          }
          const v = literal(el, bindings);
          if (isObj(v) && typeof v.name === 'string') out.push(v);
        }
      }
    },
  });
  return out;
}

const UNKNOWN = Symbol('unknown');
const CALLS = new Set(['registerTool', 'registerPrompt', 'tool', 'prompt', 'setRequestHandler']);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function propKey(p: AnyNode): string | undefined {
  if (p.computed)
    return p.key?.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
  if (p.key?.type === 'Identifier') return p.key.name;
  if (p.key?.type === 'Literal') return String(p.key.value);
  return undefined;
}

/** The JSON value of a literal-ish expression; `undefined` when it is not statically known. */
function literal(n: AnyNode, bindings: Map<string, AnyNode>, depth = 0): any {
  const v = value(n, bindings, depth);
  return v === UNKNOWN ? undefined : v;
}

function value(n: AnyNode, bindings: Map<string, AnyNode>, depth: number): unknown {
  if (!n || depth > 40) return UNKNOWN;
  switch (n.type) {
    case 'Literal':
      return n.regex ? UNKNOWN : n.value;
    case 'TemplateLiteral':
      return n.quasis
        .map(
          (q: AnyNode, i: number) =>
            (q.value.cooked ?? q.value.raw) +
            (i < n.expressions.length ? templatePart(n.expressions[i], bindings, depth) : ''),
        )
        .join('');
    case 'BinaryExpression': {
      if (n.operator !== '+') return UNKNOWN;
      const a = value(n.left, bindings, depth + 1);
      const b = value(n.right, bindings, depth + 1);
      return typeof a === 'string' || typeof b === 'string'
        ? `${a === UNKNOWN ? '${…}' : String(a)}${b === UNKNOWN ? '${…}' : String(b)}`
        : UNKNOWN;
    }
    case 'UnaryExpression':
      if (n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number')
        return -n.argument.value;
      if (n.operator === '!' && n.argument.type === 'Literal') return !n.argument.value;
      return UNKNOWN;
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const el of n.elements) {
        const v = value(el, bindings, depth + 1);
        if (v !== UNKNOWN) out.push(v);
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of n.properties) {
        if (p.type === 'SpreadElement') {
          const v = value(p.argument, bindings, depth + 1);
          if (isObj(v)) Object.assign(out, v);
          continue;
        }
        const key = propKey(p);
        if (key === undefined) continue;
        const v = value(p.value, bindings, depth + 1);
        if (v !== UNKNOWN) out[key] = v;
      }
      return out;
    }
    case 'Identifier': {
      const bound = bindings.get(n.name);
      // one level of indirection per identifier, guarded against `const a = a` style cycles
      return bound && bound !== n ? value(bound, bindings, depth + 5) : UNKNOWN;
    }
    case 'CallExpression':
      return zodLike(n, bindings, depth);
    case 'TSAsExpression':
    case 'ParenthesizedExpression':
      return value(n.expression, bindings, depth + 1);
    default:
      return UNKNOWN;
  }
}

function templatePart(e: AnyNode, bindings: Map<string, AnyNode>, depth: number): string {
  const v = value(e, bindings, depth + 1);
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '${…}';
}

/**
 * `z.string().describe('…').optional()` and friends: a schema we cannot evaluate, but whose
 * description text the model would see. Other calls are unknown.
 */
function zodLike(n: AnyNode, bindings: Map<string, AnyNode>, depth: number): unknown {
  let cur = n;
  let description: unknown;
  let isZod = false;
  let shape: Record<string, unknown> = {};
  while (cur?.type === 'CallExpression' && cur.callee?.type === 'MemberExpression') {
    const m = cur.callee.property?.name;
    if (m === 'describe' && description === undefined)
      description = value(cur.arguments[0], bindings, depth + 1);
    if (cur.callee.object?.type === 'Identifier' && cur.callee.object.name === 'z') {
      isZod = true;
      if (m === 'object' && cur.arguments[0]?.type === 'ObjectExpression') {
        const properties = value(cur.arguments[0], bindings, depth + 1);
        shape = { type: 'object', properties };
      }
    }
    cur = cur.callee.object;
  }
  if (!isZod) return UNKNOWN;
  return { ...shape, ...(typeof description === 'string' ? { description } : {}) };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
