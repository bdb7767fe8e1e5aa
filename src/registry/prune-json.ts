/**
 * A JSON pruner: reads a JSON document as bytes and writes a smaller JSON document holding only the
 * members a schema asks for, copied byte for byte. `JSON.parse` of the result equals `JSON.parse`
 * of the original with the unwanted members deleted.
 *
 * Why: a full packument is mostly fields the resolver never reads (typescript's is 10 MB, 3,000+
 * versions with their `exports`, `contributors`, `devDependencies`, …). `JSON.parse` builds every
 * one of those objects and strings, then the garbage collector takes them apart again. Skipping a
 * value here costs a walk over its bytes and nothing else: for the 62 MB of packuments of a cold
 * inspector run, pruning and parsing the 11.6 MB left cost ~0.4 s of CPU where decoding, parsing
 * and re-serializing them whole cost ~0.8 s, and the pruned bytes are what the cache stores.
 *
 * What is checked: the whole document's structure, exactly as JSON's grammar says (brackets,
 * commas, colons, keys, literals, numbers, string ends, nothing after the value). Kept values are
 * then checked again, completely, by `JSON.parse`. Not checked: the inside of strings that are
 * skipped (escape sequences and raw control characters), which are never read.
 */

/** What to keep of a value: all of it, or (when it is an object) the members a schema names. */
export type Keep = true | PruneSchema;

export interface PruneSchema {
  /** Members kept by name. Any other member is kept according to `other`, or dropped. */
  members?: Record<string, Keep>;
  other?: Keep;
}

interface CompiledSchema {
  /** key length in bytes → candidates, compared byte by byte without making a string */
  byLength: Map<number, { bytes: Uint8Array; keep: CompiledKeep }[]>;
  byName: Map<string, CompiledKeep>;
  other: CompiledKeep | undefined;
}
type CompiledKeep = true | CompiledSchema;

export class JsonSyntaxError extends SyntaxError {
  constructor(
    problem: string,
    readonly offset: number,
    /** The bytes ran out: a cut-off download, most likely. */
    readonly endsEarly = false,
  ) {
    super(`${problem} at byte ${offset}${endsEarly ? ' (the document ends early)' : ''}`);
    this.name = 'JsonSyntaxError';
  }
}

const compiled = new WeakMap<PruneSchema, CompiledSchema>();

let scratch = Buffer.allocUnsafeSlow(64 * 1024);

function compile(keep: Keep): CompiledKeep {
  if (keep === true) return true;
  let c = compiled.get(keep);
  if (c) return c;
  c = { byLength: new Map(), byName: new Map(), other: undefined };
  compiled.set(keep, c);
  for (const [name, sub] of Object.entries(keep.members ?? {})) {
    const bytes = Buffer.from(name, 'utf8');
    const compiledSub = compile(sub);
    let list = c.byLength.get(bytes.length);
    if (!list) c.byLength.set(bytes.length, (list = []));
    list.push({ bytes, keep: compiledSub });
    c.byName.set(name, compiledSub);
  }
  c.other = keep.other === undefined ? undefined : compile(keep.other);
  return c;
}

// byte values
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/** Below this length a copy is a plain loop: `Buffer.copy` costs more to call than to run. */
const SHORT_COPY = 64;
/** Bytes searched in JavaScript for a string's end before asking the native `indexOf`. */
const SHORT_STRING = 24;

class Pruner {
  private i = 0;
  private o = 0;
  private readonly n: number;
  private readonly out: Buffer;
  /** open containers of the value being skipped: 1 object, 2 array */
  private stack = new Uint8Array(64);

  private readonly view: Uint8Array;

  constructor(private readonly b: Uint8Array) {
    this.n = b.length;
    this.view = new Uint8Array(b.buffer, b.byteOffset, b.length);
    // the output is never longer than the input; one scratch buffer serves every call (the
    // pruner is synchronous), so pruning 60 MB of packuments does not allocate 60 MB of buffers
    if (scratch.length < b.length) scratch = Buffer.allocUnsafeSlow(Math.max(b.length, scratch.length * 2));
    this.out = scratch;
  }

  run(schema: CompiledKeep): Buffer {
    this.ws();
    this.value(schema);
    this.ws();
    if (this.i !== this.n) this.fail('unexpected data after the JSON value');
    return Buffer.from(this.out.subarray(0, this.o));
  }

  private fail(problem: string, at = this.i, endsEarly = at >= this.n): never {
    throw new JsonSyntaxError(problem, at, endsEarly);
  }

  private ws(): void {
    const b = this.b;
    let i = this.i;
    for (;;) {
      const c = b[i];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.i = i;
  }

  /** The index of the quote that closes the string opening at `start`. */
  private stringEnd(start: number): number {
    const b = this.b;
    const n = this.n;
    let j = start + 1;
    for (;;) {
      const limit = j + SHORT_STRING < n ? j + SHORT_STRING : n;
      while (j < limit && b[j] !== QUOTE) j++;
      if (j === limit) {
        j = limit < n ? b.indexOf(QUOTE, limit) : -1;
        if (j < 0) this.fail('unterminated string', start, true);
      }
      // escaped when an odd number of backslashes precedes it
      let k = j - 1;
      while (b[k] === BACKSLASH) k--;
      if (((j - 1 - k) & 1) === 0) return j;
      j++;
    }
  }

  private copy(start: number, end: number): void {
    const b = this.b;
    const out = this.out;
    if (end - start < SHORT_COPY) {
      let o = this.o;
      for (let k = start; k < end; k++) out[o++] = b[k]!;
      this.o = o;
    } else {
      // a plain typed-array view: cheaper to make than a Buffer slice
      this.out.set(this.view.subarray(start, end), this.o);
      this.o += end - start;
    }
  }

  /** A value at `i` (white space skipped), kept as the schema says. */
  private value(keep: CompiledKeep | undefined): void {
    if (keep !== undefined && keep !== true && this.b[this.i] === OPEN_OBJECT) {
      this.object(keep);
      return;
    }
    const start = this.i;
    this.skip();
    if (keep !== undefined) this.copy(start, this.i);
  }

  private object(schema: CompiledSchema): void {
    const b = this.b;
    this.i++;
    this.out[this.o++] = OPEN_OBJECT;
    this.ws();
    if (b[this.i] === CLOSE_OBJECT) {
      this.i++;
      this.out[this.o++] = CLOSE_OBJECT;
      return;
    }
    let first = true;
    for (;;) {
      if (b[this.i] !== QUOTE) this.fail('expected a member name (a string)');
      const keyStart = this.i;
      const keyEnd = this.stringEnd(keyStart);
      this.i = keyEnd + 1;
      const keep = this.memberKeep(schema, keyStart, keyEnd);
      this.ws();
      if (b[this.i] !== COLON) this.fail('expected ":" after a member name');
      this.i++;
      this.ws();
      if (keep === undefined) this.skip();
      else {
        if (!first) this.out[this.o++] = COMMA;
        first = false;
        this.copy(keyStart, keyEnd + 1);
        this.out[this.o++] = COLON;
        this.value(keep);
      }
      this.ws();
      const c = b[this.i++];
      if (c === COMMA) {
        this.ws();
        continue;
      }
      if (c === CLOSE_OBJECT) {
        this.out[this.o++] = CLOSE_OBJECT;
        return;
      }
      this.i--;
      this.fail('expected "," or "}" after a member');
    }
  }

  private memberKeep(schema: CompiledSchema, keyStart: number, keyEnd: number): CompiledKeep | undefined {
    const b = this.b;
    const length = keyEnd - keyStart - 1;
    let escaped = false;
    const candidates = schema.byLength.get(length);
    if (candidates) {
      for (const { bytes, keep } of candidates) {
        let k = 0;
        while (k < length && b[keyStart + 1 + k] === bytes[k]) k++;
        if (k === length) return keep;
      }
    }
    // a name written with escapes ("\u0064ist") is still that name
    for (let k = keyStart + 1; k < keyEnd; k++) {
      if (b[k] === BACKSLASH) {
        escaped = true;
        break;
      }
    }
    if (escaped) {
      let name: string;
      try {
        name = JSON.parse(
          Buffer.from(b.buffer, b.byteOffset + keyStart, length + 2).toString('utf8'),
        ) as string;
      } catch {
        this.fail('invalid escape in a member name', keyStart);
      }
      const keep = schema.byName.get(name);
      if (keep !== undefined) return keep;
    }
    return schema.other;
  }

  /** Moves `i` past one value, checking its structure. */
  private skip(): void {
    const b = this.b;
    const c = b[this.i];
    if (c === QUOTE) {
      this.i = this.stringEnd(this.i) + 1;
      return;
    }
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
      this.scalar();
      return;
    }
    // A container: an explicit stack, so nesting depth cannot overflow the call stack.
    let depth = 0;
    let stack = this.stack;
    let i = this.i;
    for (;;) {
      // at the start of a value
      let d = b[i];
      if (d === OPEN_OBJECT || d === OPEN_ARRAY) {
        if (depth === stack.length) {
          const grown = new Uint8Array(stack.length * 2);
          grown.set(stack);
          this.stack = stack = grown;
        }
        const isObject = d === OPEN_OBJECT;
        stack[depth++] = isObject ? 1 : 2;
        i++;
        while ((d = b[i]) === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) i++;
        if (d === (isObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i++;
          depth--;
        } else {
          if (isObject) i = this.memberName(i);
          continue;
        }
      } else if (d === QUOTE) {
        i = this.stringEnd(i) + 1;
      } else {
        this.i = i;
        this.scalar();
        i = this.i;
      }
      // after a value: "," or the close of the container it is in
      for (;;) {
        if (depth === 0) {
          this.i = i;
          return;
        }
        while ((d = b[i]) === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) i++;
        const inObject = stack[depth - 1] === 1;
        if (d === COMMA) {
          i++;
          while ((d = b[i]) === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) i++;
          if (inObject) i = this.memberName(i);
          break;
        }
        if (d === (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i++;
          depth--;
          continue;
        }
        this.i = i;
        this.fail(inObject ? 'expected "," or "}" after a member' : 'expected "," or "]" after an element');
      }
    }
  }

  /** At a member name inside a skipped object: past the name, the colon and white space. */
  private memberName(i: number): number {
    const b = this.b;
    if (b[i] !== QUOTE) {
      this.i = i;
      this.fail('expected a member name (a string)');
    }
    i = this.stringEnd(i) + 1;
    let d;
    while ((d = b[i]) === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) i++;
    if (d !== COLON) {
      this.i = i;
      this.fail('expected ":" after a member name');
    }
    i++;
    while ((d = b[i]) === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) i++;
    return i;
  }

  /** Past one or more digits at `i` (a number's part that must have one). */
  private digits(i: number): number {
    const b = this.b;
    const from = i;
    while (b[i]! >= ZERO && b[i]! <= NINE) i++;
    if (i === from) this.fail(i >= this.n ? 'expected a value' : 'expected a value (a digit)', i);
    return i;
  }

  /** `true`, `false`, `null` or a number, exactly as JSON writes them. */
  private scalar(): void {
    const b = this.b;
    const c = b[this.i];
    const literal = c === 0x74 ? TRUE : c === 0x66 ? FALSE : c === 0x6e ? NULL : undefined;
    if (literal) {
      for (let k = 0; k < literal.length; k++) {
        if (b[this.i + k] !== literal[k]) this.fail('invalid literal', this.i, this.i + k >= this.n);
      }
      this.i += literal.length;
      return;
    }
    let i = this.i;
    if (b[i] === MINUS) i++;
    if (b[i] === ZERO) i++;
    else i = this.digits(i);
    if (b[i] === DOT) i = this.digits(i + 1);
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      i = this.digits(i);
    }
    this.i = i;
  }
}

/**
 * The members of `json` that `keep` asks for, as a JSON document (UTF-8 bytes, copied verbatim).
 * Throws `JsonSyntaxError` (with the byte offset) when the document is not well-formed JSON.
 */
export function pruneJson(json: Uint8Array, keep: Keep): Buffer {
  return new Pruner(json).run(compile(keep));
}
