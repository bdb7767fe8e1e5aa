/**
 * SARIF 2.1.0 for GitHub code scanning. Pure. One result per finding that is not `info`, on the
 * line that declares its server (src/action/locations.ts). Vulnerabilities get one rule per
 * advisory (so each alert links its advisory); other findings one rule per mcp-vet rule.
 * Validated against the official OASIS schema in test/action-render.test.ts.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../model.js';
import type { Report } from '../pipeline/vet.js';
import { isBlocking as blocks } from './blocking.js';
import { makeVisible } from '../tools/unicode.js';
import type { ServerLocation } from './locations.js';

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[]; 'security-severity': string; precision?: string };
}

export function renderSarif(report: Report, locations: Map<string, ServerLocation>): object {
  const rules: Rule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: object[] = [];
  for (const s of report.servers) {
    const where = locations.get(s.package.name);
    const server = `${s.package.name}@${s.package.version}`;
    for (const f of s.findings) {
      if (f.severity === 'info') continue;
      const advisory = (f.rule === 'vulnerability' || f.rule === 'malware') && typeof f.id === 'string';
      const id = advisory ? String(f.id) : `mcp-vet/${f.rule}`;
      if (!ruleIndex.has(id)) {
        ruleIndex.set(id, rules.length);
        rules.push(ruleFor(id, f, advisory));
      }
      const level = blocks(f, report.failOn) ? 'error' : f.suppressed ? 'note' : 'warning';
      const sup = f.suppressed as { reason?: string; expires?: string; source?: string } | undefined;
      results.push({
        ruleId: id,
        ruleIndex: ruleIndex.get(id),
        level,
        message: { text: plain(`${server}: ${f.message}`, 1000) },
        locations: [
          {
            ...(where
              ? {
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(where.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: where.line },
                  },
                }
              : {}),
            logicalLocations: [{ fullyQualifiedName: plain(server, 300), kind: 'module' }],
          },
        ],
        partialFingerprints: { 'mcpVetFinding/v1': fingerprint(s.package.name, f) },
        ...(sup
          ? {
              suppressions: [
                {
                  kind: 'external',
                  status: 'accepted',
                  justification: plain(
                    `${sup.reason ?? ''} (until ${sup.expires ?? '?'}, ${sup.source ?? ''})`,
                    500,
                  ),
                },
              ],
            }
          : {}),
        properties: {
          severity: f.severity,
          ...(f.package ? { package: plain(`${f.package}@${f.version ?? ''}`, 300) } : {}),
          ...(typeof f.tool === 'string' ? { tool: plain(f.tool, 200) } : {}),
        },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-vet',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: 'https://github.com/mcp-vet/mcp-vet',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
      },
    ],
  };
}

function ruleFor(id: string, f: Finding, advisory: boolean): Rule {
  const severity =
    advisory && typeof f.score === 'number' ? f.score.toFixed(1) : SECURITY_SEVERITY[f.severity];
  const summary = typeof f.summary === 'string' && f.summary ? f.summary : f.message;
  return {
    id,
    name: advisory
      ? plain(id, 100)
      : f.rule.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()),
    shortDescription: { text: plain(advisory ? summary : `mcp-vet: ${f.rule}`, 300) },
    ...(advisory
      ? {
          helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(id)}`,
          help: { text: plain(`${summary}. See https://osv.dev/vulnerability/${id}`, 1000) },
        }
      : {}),
    defaultConfiguration: { level: f.severity === 'low' ? 'note' : 'warning' },
    properties: { tags: ['security', advisory ? 'vulnerability' : 'mcp'], 'security-severity': severity },
  };
}

function fingerprint(server: string, f: Finding): string {
  const parts = [server, f.rule, f.id, f.package, f.version, f.tool, f.pointer, f.capability].map((x) =>
    typeof x === 'string' ? x : '',
  );
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** SARIF text is plain text, but still shown to people: no invisible or control characters. */
function plain(s: string, max: number): string {
  return makeVisible(String(s), max);
}
