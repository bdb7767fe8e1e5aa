/** Job summary markdown. Pure. Untrusted text is escaped before it reaches markdown. */
import type { Report } from '../pipeline/vet.js';

export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function renderSummary(report: Report): string {
  const verdict = report.decision === 'approve' ? '✅ **mcp-vet approves**' : '❌ **mcp-vet rejects**';
  const rows = report.servers.map((s) => {
    const bySev = (sev: string): number => s.findings.filter((f) => f.severity === sev).length;
    return `| ${escapeMarkdown(`${s.package.name}@${s.package.version}`)} | ${s.stats.packages} | ${bySev('critical')} | ${bySev('high')} | ${bySev('medium')} | ${bySev('low')} |`;
  });
  const findings = report.servers.flatMap((s) =>
    s.findings.map((f) => `- **${f.severity}** \`${f.rule}\`: ${escapeMarkdown(f.message)}`),
  );
  return [
    `## ${verdict}`,
    '',
    `Rejects at **${report.failOn}** or worse.`,
    '',
    '| server | packages | critical | high | medium | low |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...(findings.length ? ['### Findings', '', ...findings, ''] : ['No findings.', '']),
  ].join('\n');
}
