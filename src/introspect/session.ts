/**
 * One MCP session with a spawned server, through the official SDK client: initialize, then every
 * list the model would see (tools with pagination, prompts, resources, resource templates).
 *
 * Results are requested with the SDK's loose `ResultSchema`, not the strict per-method schemas:
 * a strict parse strips unknown fields and rejects the whole list over one bad tool, and both
 * hide exactly what a reviewer needs to see. Each item is checked here instead, and problems
 * become warnings that name the item.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { isRecord } from '../registry/http.js';
import type { ProcessTransport } from './transport.js';

export interface Capture {
  serverInfo?: Record<string, unknown>;
  protocolVersion?: string;
  capabilities?: Record<string, unknown>;
  instructions?: string;
  tools: Record<string, unknown>[];
  prompts: Record<string, unknown>[];
  resources: Record<string, unknown>[];
  resourceTemplates: Record<string, unknown>[];
  warnings: string[];
}

export class SessionError extends Error {}

/** Bounds on what a server may make us collect through pagination. */
const MAX_PAGES = 100;
const MAX_ITEMS = 10_000;
const METHOD_NOT_FOUND = -32601;

type ListKind = 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
const LISTS: { kind: ListKind; method: string; capability: string }[] = [
  { kind: 'tools', method: 'tools/list', capability: 'tools' },
  { kind: 'prompts', method: 'prompts/list', capability: 'prompts' },
  { kind: 'resources', method: 'resources/list', capability: 'resources' },
  { kind: 'resourceTemplates', method: 'resources/templates/list', capability: 'resources' },
];

/**
 * Talks to the server until every list is read or `timeoutMs` passes. Rejects with a
 * SessionError whose message says what went wrong in words a reviewer can act on.
 */
export async function capture(
  transport: ProcessTransport,
  clientInfo: { name: string; version: string },
  timeoutMs: number,
): Promise<Capture> {
  const deadline = Date.now() + timeoutMs;
  const client = new Client(clientInfo, { capabilities: {} });
  let stage = 'initialize';
  const remaining = (): number => Math.max(1, deadline - Date.now());

  const work = async (): Promise<Capture> => {
    // the SDK's own timer runs a little later than ours, so a timeout is reported as one
    await client.connect(transport, { timeout: remaining() + 1000 });
    const init = transport.initializeResult ?? {};
    const warnings: string[] = [];
    const out: Capture = { tools: [], prompts: [], resources: [], resourceTemplates: [], warnings };
    if (isRecord(init.serverInfo)) out.serverInfo = init.serverInfo;
    if (typeof init.protocolVersion === 'string') out.protocolVersion = init.protocolVersion;
    const caps = isRecord(init.capabilities) ? init.capabilities : {};
    out.capabilities = caps;
    if (typeof init.instructions === 'string') out.instructions = init.instructions;
    else if (init.instructions !== undefined) warnings.push('initialize: instructions is not a string');

    for (const { kind, method, capability } of LISTS) {
      stage = method;
      const advertised = caps[capability] !== undefined;
      try {
        out[kind] = await listAll(client, method, kind, remaining, warnings);
      } catch (err) {
        // Not advertising a capability and not implementing it is normal; anything else is not.
        const code = (err as { code?: unknown }).code;
        if (!advertised && code === METHOD_NOT_FOUND) continue;
        if (err instanceof SessionError) throw err;
        if (!advertised && typeof code === 'number') continue;
        if (code === METHOD_NOT_FOUND && kind !== 'tools') {
          warnings.push(`${method}: advertised in capabilities but not implemented`);
          continue;
        }
        throw new SessionError(`${method} failed: ${(err as Error).message}`);
      }
    }
    return out;
  };

  let timer: NodeJS.Timeout | undefined;
  let onClose: (() => void) | undefined;
  const timedOutError = (): SessionError =>
    new SessionError(`no answer to ${stage} within ${timeoutMs} ms (timed out)${garbageHint(transport)}`);
  // on a loaded machine the process may be closed (by our own cleanup or the SDK's timer) in the
  // same instant the deadline passes: past the deadline, the honest reason is the timeout
  const pastDeadline = (): boolean => Date.now() >= deadline - 25;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOutError()), remaining());
  });
  // An exiting process rejects the SDK's pending request with a generic "Connection closed";
  // waiting for our own close handler gives the exit code and stderr instead.
  const closed = new Promise<never>((_, reject) => {
    onClose = () =>
      reject(
        pastDeadline() && (!transport.exit || transport.exit.signal)
          ? timedOutError()
          : new SessionError(describeExit(transport, stage)),
      );
  });
  try {
    const result = work().catch((err: unknown) => {
      if (err instanceof SessionError) throw err;
      if (pastDeadline() && (!transport.exit || transport.exit.signal)) throw timedOutError();
      // the process died under the request: say so instead of the SDK's wording
      if (transport.exit || transport.overflow) throw new SessionError(describeExit(transport, stage));
      throw new SessionError(`${stage} failed: ${(err as Error)?.message ?? String(err)}`);
    });
    // connect() has installed the SDK's handler by now (synchronously); chain ours after it
    const prevClose = transport.onclose;
    transport.onclose = () => {
      prevClose?.();
      onClose?.();
    };
    if (transport.exit || transport.overflow) onClose?.();
    return await Promise.race([result, timeout, closed]);
  } finally {
    clearTimeout(timer);
    // keep late rejections from becoming unhandled
    timeout.catch(() => undefined);
    closed.catch(() => undefined);
  }
}

function describeExit(t: ProcessTransport, stage: string): string {
  if (t.overflow) return `the server ${t.overflow} (during ${stage}); it was stopped`;
  const how = t.exit?.signal
    ? `was killed by ${t.exit.signal}`
    : t.exit
      ? `exited with code ${t.exit.code}`
      : 'closed the connection';
  const stderr = t.stderr().trim().split('\n').slice(-3).join(' | ').slice(-400);
  return `the server ${how} before answering ${stage}${stderr ? ` (stderr: ${stderr})` : ''}${garbageHint(t)}`;
}

function garbageHint(t: ProcessTransport): string {
  return t.garbageLines
    ? `; it wrote ${t.garbageLines} line(s) to stdout that are not JSON-RPC, e.g. ${JSON.stringify(t.garbage[0])}`
    : '';
}

async function listAll(
  client: Client,
  method: string,
  kind: ListKind,
  remaining: () => number,
  warnings: string[],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) {
      warnings.push(`${method}: stopped after ${MAX_PAGES} pages`);
      break;
    }
    const result = (await client.request(
      { method, params: cursor === undefined ? {} : { cursor } } as never,
      ResultSchema,
      { timeout: remaining() },
    )) as Record<string, unknown>;
    const list = result[kind];
    if (!Array.isArray(list)) {
      throw new SessionError(`${method} answered without a "${kind}" array (got ${typeName(list)})`);
    }
    for (const item of list) {
      const index = items.length;
      if (!isRecord(item)) {
        warnings.push(`${method}: item ${index} is ${typeName(item)}, not an object`);
        items.push({ _mcpVetMalformed: item as unknown } as Record<string, unknown>);
        continue;
      }
      for (const problem of checkItem(kind, item)) warnings.push(`${method}: item ${index}: ${problem}`);
      items.push(item);
      if (items.length >= MAX_ITEMS) {
        warnings.push(`${method}: stopped after ${MAX_ITEMS} items`);
        return items;
      }
    }
    const next = result.nextCursor;
    if (next === undefined || next === null || next === '') break;
    if (typeof next !== 'string') {
      warnings.push(`${method}: nextCursor is ${typeName(next)}, not a string; pagination stopped`);
      break;
    }
    if (seen.has(next)) {
      warnings.push(`${method}: nextCursor repeats; pagination stopped`);
      break;
    }
    seen.add(next);
    cursor = next;
  }
  return items;
}

/** The fields the MCP schema requires, checked without dropping anything. */
function checkItem(kind: ListKind, item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const str = (k: string, required: boolean): void => {
    if (item[k] === undefined) {
      if (required) problems.push(`"${k}" is missing`);
    } else if (typeof item[k] !== 'string') problems.push(`"${k}" is ${typeName(item[k])}, not a string`);
  };
  if (kind === 'tools') {
    str('name', true);
    str('description', false);
    str('title', false);
    if (!isRecord(item.inputSchema)) problems.push('"inputSchema" is missing or not an object');
    else if (item.inputSchema.type !== 'object') problems.push('"inputSchema.type" is not "object"');
    if (item.annotations !== undefined && !isRecord(item.annotations))
      problems.push('"annotations" is not an object');
  } else if (kind === 'prompts') {
    str('name', true);
    str('description', false);
  } else if (kind === 'resources') {
    str('uri', true);
    str('name', true);
  } else {
    str('uriTemplate', true);
    str('name', true);
  }
  return problems;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
