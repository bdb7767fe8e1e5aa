/**
 * Two launches of the same server, with different `clientInfo` and a second start after a first:
 * anything the model would see that differs between them is a bait-and-switch or a "sleeper"
 * server. Compared: serverInfo, protocolVersion, capabilities, instructions and every item of every
 * list, as canonical JSON (key order ignored, list order kept: the server chose it).
 */
import type { Capture } from './session.js';

export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

const LISTS = ['tools', 'prompts', 'resources', 'resourceTemplates'] as const;
const KEY: Record<(typeof LISTS)[number], string> = {
  tools: 'name',
  prompts: 'name',
  resources: 'uri',
  resourceTemplates: 'uriTemplate',
};

/** Human-readable differences, empty when the two captures are the same. */
export function compareCaptures(a: Capture, b: Capture): string[] {
  const out: string[] = [];
  for (const k of ['serverInfo', 'protocolVersion', 'capabilities', 'instructions'] as const) {
    if (canonical(a[k]) !== canonical(b[k])) out.push(`${k} changed`);
  }
  for (const list of LISTS) {
    const key = KEY[list];
    const index = (items: Record<string, unknown>[]): Map<string, string> => {
      const m = new Map<string, string>();
      items.forEach((item, i) => {
        const id = typeof item[key] === 'string' ? (item[key] as string) : `#${i}`;
        m.set(m.has(id) ? `${id}#${i}` : id, canonical(item));
      });
      return m;
    };
    const first = index(a[list]);
    const second = index(b[list]);
    for (const [id, text] of first) {
      if (!second.has(id)) out.push(`${list}: "${id}" only in the first launch`);
      else if (second.get(id) !== text) out.push(`${list}: "${id}" differs`);
    }
    for (const id of second.keys())
      if (!first.has(id)) out.push(`${list}: "${id}" only in the second launch`);
    if (!out.some((d) => d.startsWith(`${list}:`)) && canonical(a[list]) !== canonical(b[list])) {
      out.push(`${list}: order differs`);
    }
  }
  return out;
}
