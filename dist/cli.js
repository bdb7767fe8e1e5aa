#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  VERSION,
  vetPackage
} from "./chunks/chunk-MNW4XGIU.js";
import "./chunks/chunk-XNFGO6ZN.js";
import "./chunks/chunk-PITBUEGV.js";
import "./chunks/chunk-OBZI2X5Z.js";
import {
  FINDING_TO_RULE,
  RULES,
  docUrl,
  ruleDoc
} from "./chunks/chunk-HFQ76YOM.js";
import "./chunks/chunk-7VIVGJGJ.js";
import "./chunks/chunk-HOGLSIB3.js";
import {
  EXIT,
  VetError,
  describeError,
  exitCodeFor
} from "./chunks/chunk-OI56ITB4.js";
import "./chunks/chunk-ESI7J6K4.js";

// src/cli/main.ts
import { readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/report/text.ts
var CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1 };
function renderText(report, o) {
  const paint = (code, s) => o.color ? `\x1B[${CODES[code]}m${s}\x1B[0m` : s;
  const sevColor = {
    critical: "magenta",
    high: "red",
    medium: "yellow",
    low: "blue",
    info: "gray"
  };
  const lines = [];
  const verdict = report.decision === "approve" ? paint("green", paint("bold", "✔ APPROVE")) : paint("red", paint("bold", "✘ REJECT"));
  const names = report.servers.map((s) => `${s.package.name}@${s.package.version}`).join(", ");
  const nFindings = report.servers.reduce((n, s) => n + s.findings.filter((f) => !f.suppressed).length, 0);
  const nSuppressed = report.servers.reduce((n, s) => n + s.findings.filter((f) => f.suppressed).length, 0);
  lines.push(
    `${verdict}  ${names}  (${plural(nFindings, "finding")}${nSuppressed ? `, ${nSuppressed} suppressed` : ""}; policy: ${report.policy.files.join(" ← ")})`
  );
  for (const r of report.reasons.slice(0, 10)) {
    lines.push(`  ${paint("red", "✘")} ${paint("bold", r.rule)}: ${sanitize(r.message)}`);
  }
  if (report.reasons.length > 10) lines.push(`  … and ${report.reasons.length - 10} more reasons below`);
  for (const s of report.servers) {
    const st = s.stats;
    const extra = [
      st.skipped ? `${st.skipped} skipped on this platform` : "",
      st.bundled ? `${st.bundled} bundled` : ""
    ].filter(Boolean);
    lines.push("");
    lines.push(
      `${paint("bold", `${s.package.name}@${s.package.version}`)}  ${plural(st.packages, "package")}${extra.length ? ` (${extra.join(", ")})` : ""}  from ${s.registry}`
    );
    lines.push(
      paint(
        "gray",
        `  integrity ${s.package.integrity ?? "n/a"}; ${plural(st.downloaded, "tarball")} downloaded and verified, ${st.fromCache} from cache`
      )
    );
    const v = s.vulnerabilities;
    if (v && v.status !== "skipped") {
      const counts = ["critical", "high", "medium", "low"].filter((k) => v.bySeverity[k]).map((k) => `${v.bySeverity[k]} ${k}`);
      lines.push(
        paint(
          "gray",
          v.status === "ok" ? `  advisories: ${plural(v.packages, "package")} checked against ${v.location}: ${v.advisories ? `${plural(v.advisories, "advisory", "advisories")} (${counts.join(", ")})` : "none known"}` : `  advisories: NOT CHECKED (${v.location} could not answer)`
        )
      );
    }
    if (s.permissions) lines.push(...permissionLines(s.permissions).map((l) => `  ${l}`));
    if (s.manifest) lines.push(paint("gray", `  ${manifestLine(s.manifest)}`));
    for (const f of s.findings.filter((x) => !x.suppressed)) {
      lines.push(`  ${paint(sevColor[f.severity], f.severity.toUpperCase().padEnd(8))} ${line(f)}`);
      for (const d of details(f)) lines.push(paint("gray", `           ${d}`));
    }
    const suppressed = s.findings.filter((x) => x.suppressed);
    if (suppressed.length) {
      lines.push(paint("gray", "  suppressed (not counted):"));
      for (const f of suppressed) {
        const sup = f.suppressed;
        lines.push(
          paint("gray", `  ${f.severity.padEnd(8)} ${line(f)}`),
          paint(
            "gray",
            `           suppressed until ${sup.expires} (${sup.source}): ${sanitize(sup.reason)}`
          )
        );
      }
    }
  }
  return `${lines.join("\n")}
`;
}
function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}
function details(f) {
  if (f.rule !== "vulnerability" && f.rule !== "malware") return [];
  const out = [];
  const score = typeof f.score === "number" ? `CVSS ${f.score.toFixed(1)}` : "no CVSS score";
  const aliases = Array.isArray(f.aliases) && f.aliases.length ? ` (${f.aliases.join(", ")})` : "";
  const fixed = Array.isArray(f.fixed) && f.fixed.length ? `fixed in ${f.fixed.join(", ")}` : Array.isArray(f.lastAffected) && f.lastAffected.length ? `affected up to and including ${f.lastAffected.join(", ")}` : "no fixed version named";
  out.push(`${score}${aliases}; ${fixed}; ${String(f.url ?? "")}`);
  if (typeof f.remediation === "string") out.push(`→ ${sanitize(f.remediation)}`);
  if (f.expiredSuppression) {
    const e = f.expiredSuppression;
    out.push(`(a suppression at ${e.source} expired on ${e.expires})`);
  }
  return out;
}
function permissionLines(p) {
  const out = [];
  const count = (cap) => {
    const n = (p.capabilities[cap] ?? []).filter((e) => !e.own).length;
    return `${cap} (${n})`;
  };
  const a = p.analysis;
  if (a.packages > 0) {
    out.push(
      `capabilities of its own code: ${p.own.length ? p.own.join(", ") : "none found"}`,
      `brought by dependencies: ${p.dependencies.length ? p.dependencies.map(count).join(", ") : "none found"}`
    );
  }
  const d = p.declared;
  const declared = [
    ...d.env.map((e) => `env ${sanitize(e.name)}${e.secret ? " (secret)" : ""}`),
    ...d.inputs.map((i) => `${i.type} ${sanitize(i.name)}`),
    ...d.remotes.map((r) => `remote ${sanitize(r.url)}`)
  ];
  if (d.sources.length) {
    out.push(`declared (${d.sources.join(", ")}): ${declared.length ? declared.join(", ") : "nothing"}`);
  }
  return out;
}
function manifestLine(m) {
  const counts = [
    plural(m.tools.length, "tool"),
    plural(m.prompts.length, "prompt"),
    plural(m.resources.length, "resource"),
    plural(m.resourceTemplates.length, "resource template")
  ].join(", ");
  const how = m.source === "introspection" ? "introspected" : "static (package files and code, not a running server)";
  const c = m.containment;
  const sandbox = c ? `; sandbox: allow-listed env, temporary HOME, ${c.network === "namespace" ? `no network (${c.networkTool ?? "namespace"})` : "network NOT isolated"}, ${c.timeoutMs} ms timeout` : "";
  return `manifest ${how}: ${counts}${sandbox}`;
}
function line(f) {
  const path = Array.isArray(f.path) && f.path.length > 1 ? `  [${f.path.join(" › ")}]` : "";
  return `${f.rule}: ${sanitize(f.message)}${path}`;
}
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function sanitize(s) {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/cli/main.ts
var USAGE = `mcp-vet ${VERSION} — vet an MCP server's npm package before an AI agent runs it

Usage:
  mcp-vet vet <spec> [--registry URL] [--format json|text] [--sbom FILE] [--reproducible] [--cache-dir DIR]
              [--osv-url URL | --osv-db PATH | --no-vulns] [--on-unavailable fail|warn] [--policy FILE]
              [--no-capabilities] [--no-introspect] [--introspect-timeout MS]
  mcp-vet sbom <spec> [-o FILE] [--spec-version 1.5|1.6|1.7] [--reproducible] [--registry URL] [--cache-dir DIR]
  mcp-vet scan-tools <FILE|-> [--fail-on SEVERITY] [--format json|text]
  mcp-vet lock [--config FILE]... [--user] [--lock FILE] [--all]
  mcp-vet check [--config FILE]... [--user] [--lock FILE] [--fail-on SEVERITY] [--format json|text]
  mcp-vet diff OLD_LOCK NEW_LOCK [--format text|markdown|json] [--fail-on SEVERITY]
  mcp-vet explain <RULE>
  mcp-vet policy show [--policy FILE|PRESET] [--format yaml|json]
  mcp-vet --version | --help

scan-tools checks tool definitions for tool poisoning, offline: FILE is a tools/list result
{"tools": [...]}, a JSON array of tools, or JSON Lines with one tool (or {"tool": {...}}) per line;
- reads standard input. It exits 1 when a finding is at or above --fail-on (default medium).

lock writes mcp-vet.lock.json for every server in the repository's MCP configs (.mcp.json,
.cursor/mcp.json, .vscode/mcp.json, …; --config overrides discovery); check verifies, without
writing, that configs, registry and lock agree (exit 1 on any difference at --fail-on, default
low); diff prints what changed between two lockfiles.

<spec> is name, name@version, name@range or name@tag (scoped names too), e.g.
  @modelcontextprotocol/server-filesystem@2025.8.21   mcp-remote@^0.1   some-server@latest

Options:
  --registry URL        npm registry (default: from .npmrc, else https://registry.npmjs.org/)
  --userconfig FILE     the user .npmrc to read (default: $NPM_CONFIG_USERCONFIG or ~/.npmrc)
  --format json|text    vet report format (default: text on a terminal, json otherwise)
  --sbom FILE           vet: also write a CycloneDX SBOM to FILE
  -o, --output FILE     sbom: write to FILE instead of stdout
  --spec-version V      CycloneDX version: 1.5, 1.6 (default) or 1.7
  --reproducible        SBOM without serial number and timestamp, everything sorted
  --cache-dir DIR       cache for packuments and verified packages (default: $MCP_VET_CACHE_DIR,
                        else $XDG_CACHE_HOME/mcp-vet, else ~/.cache/mcp-vet)
  --prefer-online       revalidate every cached packument with the registry
  --osv-url URL         OSV API for advisories (default: $MCP_VET_OSV_URL, else https://api.osv.dev)
  --osv-db PATH         offline OSV database instead: a directory of OSV JSON records or
                        osv.dev's npm all.zip (default: $MCP_VET_OSV_DB when set)
  --no-vulns            skip the vulnerability check (the report says it was skipped)
  --on-unavailable M    when the vulnerability source can't answer: fail (default: reject,
                        exit 3) or warn (report it and decide on the rest)
  --policy FILE|PRESET  the policy (YAML file, or preset: default, strict); default: .mcp-vet.yml
                        when present, else the default preset
  --fail-on SEVERITY    alias: sets the policy's fail-on, vulnerabilities and tool-text thresholds
  --no-capabilities     vet: skip the static analysis of what the code can do
  --no-introspect       do not start the server; read its tools from package files and code only
  --introspect-timeout MS
                        per launch of the server when introspecting (default 10000)
  --config FILE         lock/check: read this MCP config instead of discovering them (repeatable)
  --user                lock/check: also read the user-scope configs (~/.claude.json,
                        ~/.cursor/mcp.json, VS Code's and Claude Desktop's user files, …)
  --lock FILE           lock/check: the lockfile (default mcp-vet.lock.json)
  --all                 lock: re-vet every server, not only those whose config changed

Exit codes: 0 approve, 1 reject, 2 usage or input error, 3 registry or vulnerability source
unavailable (the vet report is still printed).
`;
var OPTIONS = {
  registry: { type: "string" },
  userconfig: { type: "string" },
  format: { type: "string" },
  sbom: { type: "string" },
  output: { type: "string", short: "o" },
  "spec-version": { type: "string" },
  reproducible: { type: "boolean" },
  "fail-on": { type: "string" },
  "cache-dir": { type: "string" },
  "prefer-online": { type: "boolean" },
  "osv-url": { type: "string" },
  "osv-db": { type: "string" },
  "no-vulns": { type: "boolean" },
  "on-unavailable": { type: "string" },
  policy: { type: "string" },
  "no-capabilities": { type: "boolean" },
  "no-introspect": { type: "boolean" },
  "introspect-timeout": { type: "string" },
  config: { type: "string", multiple: true },
  user: { type: "boolean" },
  lock: { type: "string" },
  all: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
var LOCK_OPTIONS = [
  "registry",
  "userconfig",
  "format",
  "cache-dir",
  "prefer-online",
  "no-capabilities",
  "no-introspect",
  "introspect-timeout",
  "config",
  "user",
  "lock"
];
var PER_COMMAND = {
  lock: /* @__PURE__ */ new Set([...LOCK_OPTIONS, "all"]),
  check: /* @__PURE__ */ new Set([...LOCK_OPTIONS, "fail-on", "policy"]),
  diff: /* @__PURE__ */ new Set(["format", "fail-on", "policy"]),
  "scan-tools": /* @__PURE__ */ new Set(["format", "fail-on"]),
  explain: /* @__PURE__ */ new Set([]),
  policy: /* @__PURE__ */ new Set(["policy", "format"]),
  vet: /* @__PURE__ */ new Set([
    "registry",
    "userconfig",
    "format",
    "sbom",
    "spec-version",
    "reproducible",
    "fail-on",
    "cache-dir",
    "prefer-online",
    "osv-url",
    "osv-db",
    "no-vulns",
    "on-unavailable",
    "policy",
    "no-capabilities",
    "no-introspect",
    "introspect-timeout"
  ]),
  sbom: /* @__PURE__ */ new Set([
    "registry",
    "userconfig",
    "output",
    "spec-version",
    "reproducible",
    "cache-dir",
    "prefer-online"
  ])
};
var SEVERITIES = ["info", "low", "medium", "high", "critical"];
var SPEC_VERSIONS = ["1.5", "1.6", "1.7"];
function defaultCacheDir(env) {
  if (env.MCP_VET_CACHE_DIR) return env.MCP_VET_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "mcp-vet");
  return join(homedir(), ".cache", "mcp-vet");
}
function usageError(message) {
  return new VetError("E_USAGE", `${message} (run "mcp-vet --help" for usage)`);
}
async function run(argv, io) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr(`mcp-vet: E_USAGE: ${err.message} (run "mcp-vet --help" for usage)
`);
    return EXIT.input;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}
`);
    return EXIT.approve;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === "help") {
    io.stdout(USAGE);
    return EXIT.approve;
  }
  if (!command) {
    io.stderr(USAGE);
    return EXIT.input;
  }
  const warn = (m) => io.stderr(`mcp-vet: warning: ${m}
`);
  try {
    const allowed = PER_COMMAND[command];
    if (!allowed)
      throw usageError(
        `unknown command "${command}"; the commands are vet, sbom, scan-tools, lock, check, diff, explain and policy`
      );
    for (const key of Object.keys(values)) {
      if (!allowed.has(key)) throw usageError(`--${key} does not apply to "${command}"`);
    }
    if (command === "scan-tools") return await scanToolsCommand(rest, values, io);
    if (command === "lock" || command === "check" || command === "diff") {
      const { lockCli } = await import("./chunks/cli-KTCI2XJV.js");
      return await lockCli(command, rest, values, io, { defaultCacheDir, usageError, warn });
    }
    if (command === "explain") return explainCommand(rest, io);
    if (command === "policy") return await policyCommand(rest, values, io);
    if (rest.length !== 1) throw usageError(`"${command}" takes exactly one <spec>, got ${rest.length}`);
    const spec = rest[0];
    const specVersion = values["spec-version"] ?? "1.6";
    if (!SPEC_VERSIONS.includes(specVersion)) {
      throw usageError(
        `--spec-version must be one of ${SPEC_VERSIONS.join(", ")}, not "${values["spec-version"]}"`
      );
    }
    const failOn = values["fail-on"];
    if (failOn !== void 0 && (!SEVERITIES.includes(failOn) || failOn === "info")) {
      throw usageError(`--fail-on must be low, medium, high or critical, not "${values["fail-on"]}"`);
    }
    const format = values.format ?? (io.isTTY ? "text" : "json");
    if (format !== "json" && format !== "text")
      throw usageError(`--format must be json or text, not "${format}"`);
    const onUnavailableFlag = values["on-unavailable"];
    if (onUnavailableFlag !== void 0 && onUnavailableFlag !== "fail" && onUnavailableFlag !== "warn") {
      throw usageError(`--on-unavailable must be fail or warn, not "${onUnavailableFlag}"`);
    }
    const cacheDir = resolve(io.cwd, values["cache-dir"] ?? defaultCacheDir(io.env));
    const policy = command === "vet" ? (await import("./chunks/policy-Z3CASMDV.js")).resolvePolicy({
      ref: values.policy,
      cwd: io.cwd,
      failOn,
      onUnavailable: onUnavailableFlag
    }) : void 0;
    const onUnavailable = policy?.policy.vulnerabilities["on-unavailable"] ?? "fail";
    const vulnSource = command === "vet" && !values["no-vulns"] ? await vulnSourceFor(values, io, cacheDir) : void 0;
    const timeoutText = values["introspect-timeout"];
    const introspectTimeoutMs = timeoutText === void 0 ? void 0 : Number(timeoutText);
    if (introspectTimeoutMs !== void 0 && (!/^\d+$/.test(timeoutText) || introspectTimeoutMs < 100 || introspectTimeoutMs > 6e5)) {
      throw usageError(
        `--introspect-timeout must be a number of milliseconds from 100 to 600000, not "${timeoutText}"`
      );
    }
    const result = await vetPackage({
      spec,
      registry: values.registry,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : void 0,
      cacheDir,
      projectDir: io.cwd,
      env: io.env,
      preferOnline: values["prefer-online"],
      // the SBOM command needs no permission surface
      permissions: command === "vet",
      capabilities: !values["no-capabilities"],
      warn,
      vulnSource,
      onUnavailable,
      manifest: command === "vet",
      introspect: !values["no-introspect"],
      introspectTimeoutMs,
      clientVersion: VERSION
    });
    const sbomFile = command === "sbom" ? values.output : values.sbom;
    if (command === "sbom" || sbomFile) {
      const { buildSbom } = await import("./chunks/cyclonedx-5XA7QG65.js");
      const text = buildSbom(result.tree, {
        specVersion,
        reproducible: values.reproducible ?? false,
        toolName: "mcp-vet",
        toolVersion: VERSION
      });
      if (sbomFile) await writeOut(resolve(io.cwd, sbomFile), text);
      else io.stdout(text);
    }
    if (command === "sbom") return EXIT.approve;
    const { decide } = await import("./chunks/decide-FPC3ZXNZ.js");
    const report = decide([result.server], VERSION, { policy });
    if (format === "json") io.stdout(`${JSON.stringify(report, null, 2)}
`);
    else io.stdout(renderText(report, { color: io.isTTY && !io.env.NO_COLOR }));
    if (onUnavailable === "fail" && report.servers.some((s) => s.vulnerabilities?.status === "failed")) {
      return EXIT.unavailable;
    }
    return report.decision === "approve" ? EXIT.approve : EXIT.reject;
  } catch (err) {
    if (!(err instanceof VetError)) {
      io.stderr(`mcp-vet: internal error: ${describeError(err)}
`);
      if (io.env.MCP_VET_DEBUG) io.stderr(`${err?.stack ?? ""}
`);
      return EXIT.input;
    }
    io.stderr(`mcp-vet: ${describeError(err)}
`);
    return exitCodeFor(err);
  }
}
async function vulnSourceFor(values, io, cacheDir) {
  const flagged = values["osv-url"] !== void 0 || values["osv-db"] !== void 0;
  const osvUrl = flagged ? values["osv-url"] : io.env.MCP_VET_OSV_DB ? void 0 : io.env.MCP_VET_OSV_URL || void 0;
  const osvDb = flagged ? values["osv-db"] : io.env.MCP_VET_OSV_DB || void 0;
  const { makeVulnSource } = await import("./chunks/select-3I5LNBKO.js");
  const { loadNpmConfig } = await import("./chunks/npmrc-DLKDM3QA.js");
  return makeVulnSource({
    osvUrl,
    osvDb: osvDb ? resolve(io.cwd, osvDb) : void 0,
    cacheDir,
    fetchOptions: loadNpmConfig({
      projectDir: io.cwd,
      env: io.env,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : void 0
    }).fetchOptions,
    timeoutMs: Number(io.env.MCP_VET_OSV_TIMEOUT_MS) || void 0
  });
}
function explainCommand(rest, io) {
  if (rest.length !== 1) {
    throw usageError(`"explain" takes one RULE; the rules are ${RULES.map((r) => r.id).join(", ")}`);
  }
  const id = rest[0];
  const doc = ruleDoc(id) ?? ruleDoc(FINDING_TO_RULE[id] ?? "");
  if (!doc) {
    throw usageError(`no rule "${id}"; the rules are ${RULES.map((r) => r.id).join(", ")}`);
  }
  const via = doc.id !== id ? `(${id} findings are governed by the rule ${doc.id})

` : "";
  io.stdout(
    `${via}${doc.id}: ${doc.title}

${doc.rationale}

Settings: ${doc.settings}
Docs: ${docUrl(doc.id)}
`
  );
  return EXIT.approve;
}
async function policyCommand(rest, values, io) {
  if (rest.length !== 1 || rest[0] !== "show")
    throw usageError('the policy command is "mcp-vet policy show [--policy FILE|PRESET]"');
  const { resolvePolicy } = await import("./chunks/policy-Z3CASMDV.js");
  const loaded = resolvePolicy({ ref: values.policy, cwd: io.cwd });
  const format = values.format ?? "yaml";
  if (format === "json") {
    io.stdout(
      `${JSON.stringify({ files: loaded.files, preset: loaded.preset, policy: loaded.policy }, null, 2)}
`
    );
  } else if (format === "yaml" || format === "text") {
    const yaml = await import("./chunks/dist-B6FFAFXD.js");
    const stringify = yaml.stringify ?? yaml.default.stringify;
    io.stdout(`# effective policy from: ${loaded.files.join(" ← ")}
${stringify(loaded.policy)}`);
  } else throw usageError(`--format must be yaml or json, not "${format}"`);
  return EXIT.approve;
}
async function scanToolsCommand(rest, values, io) {
  if (rest.length !== 1)
    throw usageError(`"scan-tools" takes exactly one FILE (or - for stdin), got ${rest.length}`);
  const failOn = values["fail-on"] ?? "medium";
  if (!SEVERITIES.includes(failOn))
    throw usageError(`--fail-on must be info, low, medium, high or critical, not "${values["fail-on"]}"`);
  const format = values.format ?? (io.isTTY ? "text" : "json");
  if (format !== "json" && format !== "text")
    throw usageError(`--format must be json or text, not "${format}"`);
  const file = rest[0];
  const label = file === "-" ? "<stdin>" : file;
  let text;
  try {
    text = file === "-" ? await (io.readStdin ?? (() => Promise.resolve("")))() : await readFile(resolve(io.cwd, file), "utf8");
  } catch (err) {
    throw new VetError("E_USAGE", `cannot read ${label}: ${err.message}`, { cause: err });
  }
  const { parseToolsInput, renderToolFindings, scanTools, summarizeFindings } = await import("./chunks/tools-S4Y7SNJ2.js");
  const input = parseToolsInput(text, label);
  const findings = scanTools(input.tools);
  const threshold = SEVERITIES.indexOf(failOn);
  const failed = findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold);
  if (format === "json") {
    const report = {
      file: label,
      format: input.format,
      tools: input.tools.length,
      failOn,
      decision: failed ? "reject" : "approve",
      counts: summarizeFindings(findings),
      findings
    };
    io.stdout(`${JSON.stringify(report, null, 2)}
`);
  } else io.stdout(renderToolFindings(label, input.tools.length, findings));
  return failed ? EXIT.reject : EXIT.approve;
}
async function writeOut(file, text) {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new VetError("E_USAGE", `cannot write ${file}: ${err.message}`, { cause: err });
  }
}
async function main(argv) {
  return run(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    readStdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks).toString("utf8");
    }
  });
}

// src/cli.ts
var crash = (err) => {
  process.stderr.write(`mcp-vet: internal error: ${err instanceof Error ? err.message : String(err)}
`);
  if (process.env.MCP_VET_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}
`);
  process.exit(2);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
process.exitCode = await main(process.argv.slice(2));
