#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/policy/rules.ts
var DOCS_BASE = "https://github.com/mcp-vet/mcp-vet/blob/main/policies/README.md";
var RULES = [
  {
    id: "vulnerabilities",
    title: "Known vulnerabilities (OSV) in any package of the tree",
    rationale: "A server is only as safe as its deepest dependency. Advisories at or above the threshold reject; below it they are listed. The threshold uses the advisory's CVSS score (or the database's label).",
    settings: "vulnerabilities.severity: low|medium|high|critical"
  },
  {
    id: "malware",
    title: "Known malicious packages (OSV MAL- records)",
    rationale: "A package known to be malware is never acceptable, whatever the threshold. Not configurable.",
    settings: "(none: always rejects)"
  },
  {
    id: "vulnerability-check",
    title: "The vulnerability check could not run",
    rationale: "When the advisory source is unreachable or answers garbage, nothing says the tree is clean: fail closed unless the team explicitly accepts running blind.",
    settings: "vulnerabilities.on-unavailable: fail|warn"
  },
  {
    id: "licenses",
    title: "Licenses of every package, evaluated as SPDX expressions",
    rationale: 'A copyleft or proprietary license deep in the tree can be a legal problem. "MIT OR GPL-3.0" passes an allow-list with MIT; "MIT AND GPL-3.0" needs both.',
    settings: "licenses.allow: [SPDX ids], licenses.deny: [SPDX ids], licenses.unknown: allow|warn|reject"
  },
  {
    id: "capabilities",
    title: "What the code can do (network, shell, files, env, native code, install scripts, obfuscation)",
    rationale: "A filesystem server writing files is expected; a string-padding dependency opening sockets is news. Capabilities can be denied everywhere, denied only in dependencies, and allowed per server.",
    settings: "capabilities.deny: [...], capabilities.dependencies.deny: [...], capabilities.allow: {server: [...]}, capabilities.findings: severity"
  },
  {
    id: "tool-text",
    title: "What the server shows the model: tool poisoning, hidden text, lying annotations",
    rationale: "Tool names, descriptions, schemas and instructions go straight into the model. Findings of the local detector at or above the threshold reject.",
    settings: "tool-text.severity: low|medium|high|critical"
  },
  {
    id: "introspection",
    title: "The server could not be started, or showed different tools on a second launch",
    rationale: "If the tools could not be captured, they could not be reviewed; a server that changes its tools between launches is baiting and switching.",
    settings: "introspection.failed: reject|warn|info, introspection.changed: reject|warn"
  },
  {
    id: "lockfile",
    title: "Version locks and changes since approval (rug pulls)",
    rationale: "The approved state lives in mcp-vet.lock.json. Unpinned servers, servers missing from the lock and any unapproved change reject; the same version with other bytes always rejects.",
    settings: "lockfile.unpinned, lockfile.missing, lockfile.changes: reject|warn|info (integrity mismatch: always)"
  },
  {
    id: "hygiene",
    title: "Package hygiene: deprecated versions, very new releases, servers not from npm",
    rationale: "Deprecated versions are unmaintained; attackers publish a malicious version and strike within hours, so a waiting period helps; servers from PyPI, Docker or a URL are not vetted yet.",
    settings: "hygiene.deprecated, hygiene.not-npm: reject|warn|info; hygiene.min-age-days: N (a package of the tree published less than N days ago rejects; 0 = off)"
  },
  {
    id: "lists",
    title: "Allow and deny lists of servers and packages",
    rationale: "A team can ban a package outright (by name or purl, with an optional version range) or allow only the servers it has approved.",
    settings: 'servers.allow, servers.deny, packages.deny: ["name", "name@range", "pkg:npm/name@range"]'
  },
  {
    id: "findings",
    title: "Every other finding, by severity",
    rationale: "A catch-all threshold so that no finding kind is silently ignored.",
    settings: "fail-on: low|medium|high|critical"
  },
  {
    id: "baseline",
    title: "On a pull request: problems the approved lock already had",
    rationale: "A pull request is judged on what it brings. Findings about a package@version the base branch's lockfile already approved are listed apart and do not fail the check, unless the policy says they must (a nightly run on the lock itself still reports them).",
    settings: "baseline.existing: warn|reject"
  },
  {
    id: "suppressions",
    title: "Accepted findings, with a reason and an expiry",
    rationale: "A team may accept a finding for a while: it needs a reason, expires, and an unused suppression is reported as stale so the list does not rot.",
    settings: "suppressions: [{rule, id?, package?, server?, reason, expires}]"
  }
];
function ruleDoc(id) {
  return RULES.find((r) => r.id === id);
}
function docUrl(id) {
  return `${DOCS_BASE}#rule-${id}`;
}
var FINDING_TO_RULE = {
  vulnerability: "vulnerabilities",
  "vulnerability-check-failed": "vulnerability-check",
  "vulnerability-check-skipped": "vulnerability-check",
  "license-denied": "licenses",
  "license-unknown": "licenses",
  "capability-denied": "capabilities",
  "install-script": "capabilities",
  "introspection-failed": "introspection",
  "introspection-malformed": "introspection",
  "manifest-changed-between-launches": "introspection",
  "introspection-tampered": "introspection",
  deprecated: "hygiene",
  "server-not-npm": "hygiene",
  "recently-published": "hygiene",
  "server-denied": "lists",
  "server-not-allowed": "lists",
  "package-denied": "lists",
  "suppression-expired": "suppressions",
  "suppression-unused": "suppressions"
};

export {
  RULES,
  ruleDoc,
  docUrl,
  FINDING_TO_RULE
};
