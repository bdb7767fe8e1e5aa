/**
 * The change report for people: plain text for a terminal, Markdown for a pull-request comment.
 * Package-controlled text is made visible (invisible characters as `<U+200B>`), and in Markdown it
 * only ever appears inside code spans and fenced blocks long enough not to be closed by it.
 */
import { SEVERITY_RANK } from '../model.js';
import { makeVisible } from '../tools/unicode.js';
import type { Change } from './diff.js';

const RANK = SEVERITY_RANK;

export interface RenderOptions {
  format: 'text' | 'markdown';
}

function sorted(changes: Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      (a.server < b.server ? -1 : a.server > b.server ? 1 : 0) ||
      RANK[b.severity] - RANK[a.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      ((a.item ?? '') < (b.item ?? '') ? -1 : (a.item ?? '') > (b.item ?? '') ? 1 : 0),
  );
}

function detailLines(c: Change): string[] {
  const out: string[] = [];
  for (const d of c.details) {
    if (d.words !== undefined) out.push(`${d.field}: ${d.words}`);
    if (d.lines?.length) {
      out.push(`${d.field}:`);
      for (const l of d.lines.slice(0, 50)) out.push(`  ${l}`);
      if (d.lines.length > 50) out.push(`  … ${d.lines.length - 50} more`);
    }
  }
  return out;
}

export function renderChanges(changes: Change[], opts: RenderOptions): string {
  const list = sorted(changes);
  if (opts.format === 'markdown') return renderMarkdown(list);
  if (!list.length) return 'no changes\n';
  let out = '';
  let server: string | undefined;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? '\n' : ''}${makeVisible(c.server, 200)}\n`;
    }
    out += `  ${c.severity.toUpperCase().padEnd(8)} ${c.rule}: ${makeVisible(c.message, 2000)}\n`;
    for (const l of detailLines(c)) out += `           ${l}\n`;
  }
  return out;
}

function fence(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function code(s: string): string {
  const t = makeVisible(s, 300).replace(/`/g, 'ˋ');
  return `\`${t}\``;
}

function renderMarkdown(list: Change[]): string {
  if (!list.length) return '_No changes to the locked MCP servers._\n';
  let out = '';
  let server: string | undefined;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? '\n' : ''}#### ${code(c.server)}\n\n`;
    }
    out += `- **${c.severity}** ${code(c.rule)}${c.item !== undefined ? ` ${code(c.item)}` : ''}\n`;
    const body = [makeVisible(c.message, 2000), ...detailLines(c)].join('\n');
    const f = fence(body);
    out += `\n  ${f}diff\n${body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n  ${f}\n\n`;
  }
  return out;
}
