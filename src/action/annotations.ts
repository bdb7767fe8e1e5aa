/**
 * Annotations on the line that declares each server. Pure: returns what to emit; main.ts passes
 * it to core.error/warning, which escape `%`, CR, LF (and `:`/`,` in properties), so no text can
 * end the command early or start another. makeVisible also removes invisible and control
 * characters. GitHub shows at most 10 errors and 10 warnings per step, so the rest are folded
 * into one closing annotation.
 */
import type { Report } from '../pipeline/vet.js';
import { isBlocking as blocks } from './blocking.js';
import { makeVisible } from '../tools/unicode.js';
import type { ServerLocation } from './locations.js';

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  file?: string;
  startLine?: number;
}

export const PER_LEVEL = 10;

export function annotations(report: Report, locations: Map<string, ServerLocation>): Annotation[] {
  const all: Annotation[] = [];
  for (const s of report.servers) {
    const where = locations.get(s.package.name);
    const server = makeVisible(`${s.package.name}@${s.package.version}`, 200);
    for (const f of s.findings) {
      if (f.severity === 'info' || f.suppressed) continue;
      all.push({
        level: blocks(f, report.failOn) ? 'error' : 'warning',
        title: `mcp-vet ${f.severity}: ${makeVisible(f.rule, 60)} in ${server}`,
        message: makeVisible(f.message, 600),
        ...(where ? { file: where.file, startLine: where.line } : {}),
      });
    }
  }
  const out: Annotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const mine = all.filter((a) => a.level === level);
    if (mine.length <= PER_LEVEL) {
      out.push(...mine);
      continue;
    }
    out.push(...mine.slice(0, PER_LEVEL - 1));
    const rest = mine.length - (PER_LEVEL - 1);
    const first = mine[PER_LEVEL - 1]!;
    out.push({
      level,
      title: `mcp-vet: ${rest} more ${level === 'error' ? 'blocking findings' : 'warnings'}`,
      message: `${rest} more findings are listed in the job summary and the JSON report.`,
      ...(first.file ? { file: first.file, startLine: first.startLine } : {}),
    });
  }
  return out;
}
