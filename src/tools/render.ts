/**
 * Text rendering of tool-text findings. Everything from the server (names, excerpts) is passed
 * through makeVisible, so no control character, escape sequence or newline from a tool reaches
 * the terminal or a CI log (a line starting with `::` would be a workflow command).
 */
import type { ToolTextFinding } from '../manifest/types.js';
import type { Severity } from '../model.js';
import { makeVisible } from './unicode.js';

const ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function summarizeFindings(findings: ToolTextFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function renderToolFindings(file: string, toolCount: number, findings: ToolTextFinding[]): string {
  const lines: string[] = [];
  const counts = summarizeFindings(findings);
  const flagged = new Set(findings.map((f) => f.index)).size;
  lines.push(
    `${makeVisible(file, 200)}: ${toolCount} tool(s), ${findings.length} finding(s) in ${flagged} tool(s) — ${ORDER.map((s) => `${counts[s]} ${s}`).join(', ')}`,
  );
  for (const f of findings) {
    const who = f.tool !== undefined ? ` ${makeVisible(f.tool, 80)}` : '';
    const at = f.index !== undefined ? `[${f.index}]` : f.target ? `[${f.target}]` : '';
    lines.push(
      `  ${f.severity.toUpperCase().padEnd(8)} ${f.rule.padEnd(20)} ${at}${who} ${makeVisible(f.pointer || '/', 120)}`,
    );
    lines.push(`           ${makeVisible(f.message, 300)} (confidence ${f.confidence})`);
    if (f.excerpt) lines.push(`           > ${makeVisible(f.excerpt, 220)}`);
  }
  return `${lines.join('\n')}\n`;
}
