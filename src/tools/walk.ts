/**
 * Yields every string a model can see in a tool (or prompt, resource, …) with its JSON pointer:
 * name, title, description, every schema keyword value, property names, `default`, `enum`,
 * `const`, `examples`, `_meta`, annotations and unknown fields. Clients serialise the whole object
 * into the model's context, so nothing is skipped because "it is only metadata".
 *
 * The walk is iterative (an explicit stack), so a schema nested thousands deep cannot overflow
 * the call stack; it stops descending at MAX_DEPTH and reports that, and it never visits an object
 * twice (in-memory cycles; `$ref`s are text and are not followed).
 */
export interface TextSite {
  pointer: string;
  text: string;
  /**
   * `name`, `title`, `description`, `propertyName`, `propertyDescription`, `default`, `enum`,
   * `const`, `examples`, `meta`, `annotation`, `key` (an object key inside data) or `other`.
   */
  kind: string;
  /** Depth in the object (the tool itself is 0). */
  depth: number;
}

export const MAX_DEPTH = 64;
export const MAX_NODES = 200_000;

export interface WalkResult {
  sites: TextSite[];
  /** Deepest pointer reached when the walk stopped at MAX_DEPTH, else undefined. */
  tooDeep?: string;
  /** True when the walk stopped after MAX_NODES values. */
  truncated: boolean;
}

const escapeToken = (t: string): string => t.replace(/~/g, '~0').replace(/\//g, '~1');

/** Schema keywords whose object values map property names to schemas. */
const PROPERTY_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);
const DATA_KEYS: Record<string, string> = {
  default: 'default',
  enum: 'enum',
  const: 'const',
  examples: 'examples',
  example: 'examples',
  _meta: 'meta',
  annotations: 'annotation',
};

interface Frame {
  value: unknown;
  pointer: string;
  /** The key this value sits under. */
  key: string;
  /** The data kind inherited from an enclosing `default`/`enum`/`_meta`/…, if any. */
  data?: string;
  inSchema: boolean;
  underProperties: boolean;
  depth: number;
}

export function walkStrings(root: unknown): WalkResult {
  const sites: TextSite[] = [];
  const seen = new WeakSet<object>();
  const stack: Frame[] = [
    { value: root, pointer: '', key: '', inSchema: false, underProperties: false, depth: 0 },
  ];
  let tooDeep: string | undefined;
  let nodes = 0;
  let truncated = false;
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (++nodes > MAX_NODES) {
      truncated = true;
      break;
    }
    const { value } = f;
    if (typeof value === 'string') {
      sites.push({ pointer: f.pointer, text: value, kind: kindOf(f), depth: f.depth });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (f.depth >= MAX_DEPTH) {
      tooDeep ??= f.pointer;
      continue;
    }
    const children: Frame[] = [];
    if (Array.isArray(value)) {
      value.forEach((v, i) =>
        children.push({ ...f, value: v, pointer: `${f.pointer}/${i}`, key: String(i), depth: f.depth + 1 }),
      );
    } else {
      const isPropertyMap = f.inSchema && !f.data && PROPERTY_MAPS.has(f.key) && !f.underProperties;
      for (const [k, v] of Object.entries(value)) {
        const pointer = `${f.pointer}/${escapeToken(k)}`;
        if (isPropertyMap) sites.push({ pointer, text: k, kind: 'propertyName', depth: f.depth + 1 });
        else if (f.data && f.data !== 'annotation')
          sites.push({ pointer, text: k, kind: 'key', depth: f.depth + 1 });
        const inSchema =
          f.inSchema || (f.depth === 0 && /^(?:input|output)Schema$/.test(k)) || f.key === 'arguments';
        children.push({
          value: v,
          pointer,
          key: k,
          data: f.data ?? (isPropertyMap ? undefined : DATA_KEYS[k]),
          inSchema,
          underProperties: isPropertyMap,
          depth: f.depth + 1,
        });
      }
    }
    // reverse so the walk visits fields in document order
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { sites, tooDeep, truncated };
}

function kindOf(f: Frame): string {
  if (f.data) return f.data;
  if (f.depth === 1 && (f.key === 'name' || f.key === 'title' || f.key === 'description')) return f.key;
  if (f.key === 'description')
    return f.inSchema || f.pointer.includes('/arguments/') ? 'propertyDescription' : 'description';
  if (f.key === 'title') return 'title';
  return 'other';
}
