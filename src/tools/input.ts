/**
 * Reads the tools to scan from the text of a file: a `tools/list` result (`{"tools": [...]}`,
 * also inside a JSON-RPC response's `result`), a JSON array of tools, or JSON Lines with one tool,
 * or one object holding it under `"tool"`, per line. Errors name the file, the line and the
 * expected shape.
 */
import { VetError } from '../errors.js';

const EXPECTED =
  'expected a tools/list result {"tools": [...]}, a JSON array of tools, or JSON Lines with one tool (or {"tool": {...}}) per line';

export type InputFormat = 'tools-list' | 'array' | 'jsonl';

export interface ToolsInput {
  tools: unknown[];
  format: InputFormat;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

/** JSON.parse's message with the position turned into a line and column when it has one. */
function parseError(text: string, err: unknown): string {
  const msg = (err as Error).message ?? String(err);
  const pos = /position (\d+)/.exec(msg);
  return pos
    ? `${msg.replace(/\s*(?:in JSON )?at position \d+.*$/, '')} at ${lineCol(text, Number(pos[1]))}`
    : msg;
}

export function parseToolsInput(text: string, file: string): ToolsInput {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new VetError('E_USAGE', `${file}: the file is empty; ${EXPECTED}`);
  let whole: unknown;
  let wholeError: unknown;
  try {
    whole = JSON.parse(body);
  } catch (err) {
    wholeError = err;
  }
  if (wholeError === undefined) {
    if (Array.isArray(whole)) return { tools: whole, format: 'array' };
    if (isRecord(whole)) {
      const holder = isRecord(whole.result) && Array.isArray(whole.result.tools) ? whole.result : whole;
      if (Array.isArray(holder.tools)) return { tools: holder.tools, format: 'tools-list' };
      if ('tools' in holder)
        throw new VetError(
          'E_USAGE',
          `${file}: "tools" must be an array, got ${typeof holder.tools}; ${EXPECTED}`,
        );
      // a one-line JSON Lines file holding one tool
      return { tools: [unwrap(whole)], format: 'jsonl' };
    }
    throw new VetError(
      'E_USAGE',
      `${file}: the top-level value is ${whole === null ? 'null' : typeof whole}; ${EXPECTED}`,
    );
  }
  // not one JSON document: JSON Lines, unless the first line is already broken (then it was
  // probably meant as one document, and its own error is the useful one)
  const lines = body.split('\n');
  const tools: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      if (tools.length === 0 && /^[[{]/.test(body.trimStart()) && !/^\{.*\}$/.test(line))
        throw new VetError('E_USAGE', `${file}: invalid JSON: ${parseError(body, wholeError)}; ${EXPECTED}`);
      throw new VetError(
        'E_USAGE',
        `${file}: line ${i + 1}: invalid JSON (${parseError(line, err).replace(/line 1, /, '')}); ${EXPECTED}`,
      );
    }
    if (!isRecord(value))
      throw new VetError(
        'E_USAGE',
        `${file}: line ${i + 1}: expected a JSON object (a tool, or {"tool": {...}}), got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      );
    tools.push(unwrap(value));
  }
  return { tools, format: 'jsonl' };
}

function unwrap(v: Record<string, unknown>): unknown {
  return 'tool' in v && !('name' in v) ? v.tool : v;
}
