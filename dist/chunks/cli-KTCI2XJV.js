#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  LOCKFILE_NAME,
  buildLockEntry,
  changeToFinding,
  describeLaunch,
  diffEntries,
  diffLocks,
  discoverConfigs,
  hasVariable,
  isPinned,
  readLock,
  serverFindings,
  sha256,
  sortDeclarations,
  sortKeys,
  writeLock
} from "./chunk-JWDO6TKN.js";
import {
  makeVisible
} from "./chunk-ZEJTREZT.js";
import {
  VERSION,
  compareFindings,
  vetPackage
} from "./chunk-MNW4XGIU.js";
import "./chunk-XNFGO6ZN.js";
import "./chunk-PITBUEGV.js";
import "./chunk-OBZI2X5Z.js";
import {
  evaluateFindings
} from "./chunk-HUTMZPLH.js";
import "./chunk-HFQ76YOM.js";
import {
  SEVERITY_RANK
} from "./chunk-7VIVGJGJ.js";
import {
  resolvePolicy
} from "./chunk-BK2N4HQ4.js";
import "./chunk-OZXAZC2R.js";
import "./chunk-FM5PDPI3.js";
import "./chunk-ESWZZSX2.js";
import "./chunk-HOGLSIB3.js";
import {
  EXIT,
  VetError
} from "./chunk-OI56ITB4.js";
import "./chunk-GGYBWKUX.js";
import "./chunk-Z72EFVUK.js";
import "./chunk-ESI7J6K4.js";

// src/lock/cli.ts
import { homedir } from "node:os";
import { resolve } from "node:path";

// src/lock/commands.ts
import path from "node:path";
function entryOf(s) {
  const { command, args, env, url, type } = s.entry;
  return { command, args, env, url, type };
}
function otherEntry(s) {
  const l = s.launch;
  const ref = l.kind === "pypi" ? l.spec : l.kind === "oci" ? l.image : l.kind === "remote" ? l.url : l.kind === "node" ? l.script : l.kind === "unknown" ? l.command : "";
  return {
    kind: l.kind === "npm" ? "unknown" : l.kind,
    ref,
    declaredAt: sortDeclarations(s.declaredAt),
    entrySha256: sha256(entryOf(s))
  };
}
function vettable(s) {
  return s.launch.kind === "npm" && !hasVariable(s.launch.spec);
}
async function vetServer(s, input) {
  if (s.launch.kind !== "npm") return otherEntry(s);
  input.progress?.(`vetting ${s.name} (${describeLaunch(s.launch)})`);
  const { server } = await vetPackage({
    ...input.vet,
    spec: s.launch.spec,
    clientEntry: { args: s.launch.args, env: s.entry.env },
    configEntry: { command: s.entry.command, args: s.entry.args, env: s.entry.env }
  });
  return buildLockEntry(server, s.declaredAt, entryOf(s), s.launch.spec);
}
function unchanged(s, old) {
  if (!old) return false;
  if (old.entrySha256 !== sha256(entryOf(s))) return false;
  if (JSON.stringify(sortKeys(old.declaredAt)) !== JSON.stringify(sortKeys(sortDeclarations(s.declaredAt))))
    return false;
  if (old.kind !== "npm") return true;
  return s.launch.kind === "npm" && s.launch.pinned === old.package.version && old.spec === s.launch.spec;
}
async function runLock(input) {
  const discovery = await discoverConfigs(input.root, input.configs, { userHome: input.userHome });
  if (!discovery.files.length && !input.configs?.length) {
    throw new VetError(
      "E_USAGE",
      `no MCP client config found in ${input.root}${input.userHome ? " nor in the user-scope configs" : ""} (looked for .mcp.json, .cursor/mcp.json, .vscode/mcp.json, …); pass --config FILE`
    );
  }
  const old = await readLock(input.lockFile, path.relative(input.root, input.lockFile) || input.lockFile);
  const servers = {};
  const vetted = [];
  const kept = [];
  const findings = [...discovery.findings];
  for (const s of discovery.servers) {
    findings.push(...serverFindings(s));
    const prev = old?.servers[s.name];
    if (!input.all && unchanged(s, prev)) {
      servers[s.name] = prev;
      kept.push(s.name);
      continue;
    }
    if (s.launch.kind === "npm" && !vettable(s)) continue;
    servers[s.name] = await vetServer(s, input);
    vetted.push(s.name);
  }
  const lock = { lockfileVersion: 1, servers };
  await writeLock(input.lockFile, lock);
  const changes = [];
  const names = [.../* @__PURE__ */ new Set([...Object.keys(old?.servers ?? {}), ...Object.keys(servers)])].sort();
  for (const n of names) changes.push(...diffEntries(n, old?.servers[n], servers[n]));
  return { lock, changes, findings: findings.sort(compareFindings), vetted, kept };
}
async function runCheck(input) {
  const discovery = await discoverConfigs(input.root, input.configs, { userHome: input.userHome });
  const label = path.relative(input.root, input.lockFile) || input.lockFile;
  const old = await readLock(input.lockFile, label);
  const findings = [...discovery.findings];
  if (!old && discovery.servers.length) {
    findings.push({
      rule: "lock-file-missing",
      severity: "high",
      message: `${label} does not exist: no server has been locked; run "mcp-vet lock" and commit the lockfile`,
      file: label
    });
  }
  if (!discovery.files.length && !input.configs?.length) {
    findings.push({
      rule: "config-missing",
      severity: "info",
      message: `no MCP client config found in ${input.root}${input.userHome ? " nor in the user-scope configs" : ""}`
    });
  }
  const changes = [];
  const servers = [];
  const seen = /* @__PURE__ */ new Set();
  for (const s of discovery.servers) {
    seen.add(s.name);
    servers.push({ name: s.name, declaredAt: s.declaredAt, runs: describeLaunch(s.launch) });
    findings.push(...serverFindings(s));
    if (!isPinned(s.launch)) {
      findings.push({
        rule: "lock-unpinned",
        severity: "high",
        message: `server "${s.name}" (${s.declaredAt.map((d) => d.file).join(", ")}) runs ${describeLaunch(s.launch)}, not an exact version: the next start may run code nobody reviewed; pin it${s.launch.kind === "npm" ? ` (e.g. ${s.launch.name}@${old?.servers[s.name]?.kind === "npm" ? old.servers[s.name].package.version : "<version>"})` : ""}`,
        server: s.name
      });
    }
    if (s.launch.kind === "npm" && !vettable(s)) continue;
    const prev = old?.servers[s.name];
    let now;
    try {
      now = await vetServer(s, input);
    } catch (err) {
      if (err instanceof VetError && (err.code === "E_REGISTRY_UNAVAILABLE" || err.code === "E_VULN_SOURCE"))
        throw err;
      findings.push({
        rule: "lock-vet-failed",
        severity: "high",
        message: `server "${s.name}": could not be vetted (${err instanceof VetError ? `${err.code}: ` : ""}${err.message})`,
        server: s.name
      });
      continue;
    }
    changes.push(...diffEntries(s.name, prev, now));
  }
  for (const name of Object.keys(old?.servers ?? {}).sort()) {
    if (!seen.has(name)) changes.push(...diffEntries(name, old.servers[name], void 0));
  }
  findings.push(...changes.map(changeToFinding));
  findings.sort(compareFindings);
  return {
    lockFile: label,
    configs: discovery.files,
    servers,
    findings,
    changes
  };
}

// src/lock/render.ts
var RANK = SEVERITY_RANK;
function sorted(changes) {
  return [...changes].sort(
    (a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0) || RANK[b.severity] - RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || ((a.item ?? "") < (b.item ?? "") ? -1 : (a.item ?? "") > (b.item ?? "") ? 1 : 0)
  );
}
function detailLines(c) {
  const out = [];
  for (const d of c.details) {
    if (d.words !== void 0) out.push(`${d.field}: ${d.words}`);
    if (d.lines?.length) {
      out.push(`${d.field}:`);
      for (const l of d.lines.slice(0, 50)) out.push(`  ${l}`);
      if (d.lines.length > 50) out.push(`  … ${d.lines.length - 50} more`);
    }
  }
  return out;
}
function renderChanges(changes, opts) {
  const list = sorted(changes);
  if (opts.format === "markdown") return renderMarkdown(list);
  if (!list.length) return "no changes\n";
  let out = "";
  let server;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? "\n" : ""}${makeVisible(c.server, 200)}
`;
    }
    out += `  ${c.severity.toUpperCase().padEnd(8)} ${c.rule}: ${makeVisible(c.message, 2e3)}
`;
    for (const l of detailLines(c)) out += `           ${l}
`;
  }
  return out;
}
function fence(body) {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
function code(s) {
  const t = makeVisible(s, 300).replace(/`/g, "ˋ");
  return `\`${t}\``;
}
function renderMarkdown(list) {
  if (!list.length) return "_No changes to the locked MCP servers._\n";
  let out = "";
  let server;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? "\n" : ""}#### ${code(c.server)}

`;
    }
    out += `- **${c.severity}** ${code(c.rule)}${c.item !== void 0 ? ` ${code(c.item)}` : ""}
`;
    const body = [makeVisible(c.message, 2e3), ...detailLines(c)].join("\n");
    const f = fence(body);
    out += `
  ${f}diff
${body.split("\n").map((l) => `  ${l}`).join("\n")}
  ${f}

`;
  }
  return out;
}

// src/lock/cli.ts
var SEVERITIES = ["info", "low", "medium", "high", "critical"];
async function lockCli(command, rest, values, io, h) {
  const failOnFlag = values["fail-on"];
  if (failOnFlag !== void 0 && (!SEVERITIES.includes(failOnFlag) || failOnFlag === "info"))
    throw h.usageError(`--fail-on must be low, medium, high or critical, not "${values["fail-on"]}"`);
  const loaded = resolvePolicy({ ref: values.policy, cwd: io.cwd, failOn: failOnFlag });
  const failOn = loaded.policy["fail-on"];
  const decideOn = (findings) => evaluateFindings(findings, loaded.policy, /* @__PURE__ */ new Date(), "configs and lockfile");
  if (command === "diff") return diffCommand(rest, values, io, h, decideOn);
  if (rest.length) throw h.usageError(`"${command}" takes no positional arguments (got "${rest[0]}")`);
  const format = values.format ?? (io.isTTY ? "text" : "json");
  if (format !== "json" && format !== "text")
    throw h.usageError(`--format must be json or text, not "${format}"`);
  const timeoutText = values["introspect-timeout"];
  const introspectTimeoutMs = timeoutText === void 0 ? void 0 : Number(timeoutText);
  if (introspectTimeoutMs !== void 0 && (!/^\d+$/.test(timeoutText) || introspectTimeoutMs < 100 || introspectTimeoutMs > 6e5))
    throw h.usageError(
      `--introspect-timeout must be a number of milliseconds from 100 to 600000, not "${timeoutText}"`
    );
  const input = {
    root: io.cwd,
    configs: values.config,
    userHome: values.user ? io.env.HOME || io.env.USERPROFILE || homedir() : void 0,
    lockFile: resolve(io.cwd, values.lock ?? LOCKFILE_NAME),
    all: values.all,
    progress: (m) => io.stderr(`mcp-vet: ${m}
`),
    vet: {
      registry: values.registry,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : void 0,
      cacheDir: resolve(io.cwd, values["cache-dir"] ?? h.defaultCacheDir(io.env)),
      projectDir: io.cwd,
      env: io.env,
      preferOnline: values["prefer-online"],
      capabilities: !values["no-capabilities"],
      introspect: !values["no-introspect"],
      introspectTimeoutMs,
      clientVersion: VERSION,
      warn: h.warn
    }
  };
  if (command === "lock") {
    const r2 = await runLock(input);
    const name = values.lock ?? LOCKFILE_NAME;
    if (format === "json") {
      io.stdout(
        `${JSON.stringify({ schemaVersion: 1, command: "lock", lockFile: name, vetted: r2.vetted, kept: r2.kept, findings: r2.findings, changes: r2.changes }, null, 2)}
`
      );
    } else {
      io.stdout(
        `wrote ${name}: ${Object.keys(r2.lock.servers).length} server(s), ${r2.vetted.length} vetted, ${r2.kept.length} unchanged
`
      );
      if (r2.findings.length) io.stdout(renderFindings(r2.findings));
      if (r2.changes.length)
        io.stdout(
          `
changes to review in the lockfile diff:
${renderChanges(r2.changes, { format: "text" })}`
        );
    }
    return EXIT.approve;
  }
  const r = await runCheck(input);
  const { decision, reasons } = decideOn(r.findings);
  if (format === "json") {
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, tool: { name: "mcp-vet", version: VERSION }, command: "check", decision, failOn, policy: { files: loaded.files, ...loaded.preset ? { preset: loaded.preset } : {} }, reasons, ...r }, null, 2)}
`
    );
  } else {
    io.stdout(
      `${decision === "approve" ? "APPROVE" : "REJECT"}: ${r.servers.length} server(s) checked against ${r.lockFile}${r.changes.length ? `, ${r.changes.length} change(s)` : ", no changes"}
`
    );
    const other = r.findings.filter(
      (f) => !f.kind || !String(f.rule).startsWith("lock-") || f.rule === "lock-unpinned"
    );
    const configFindings = other.filter(
      (f) => !r.changes.some((c) => c.rule === f.rule && c.message === f.message)
    );
    if (configFindings.length) io.stdout(renderFindings(configFindings));
    if (r.changes.length) io.stdout(`
${renderChanges(r.changes, { format: "text" })}`);
  }
  return decision === "approve" ? EXIT.approve : EXIT.reject;
}
function renderFindings(findings) {
  return findings.map((f) => `  ${f.severity.toUpperCase().padEnd(8)} ${f.rule}: ${makeVisible(f.message, 2e3)}
`).join("");
}
async function diffCommand(rest, values, io, h, decideOn) {
  if (rest.length !== 2)
    throw h.usageError(`"diff" takes OLD_LOCK and NEW_LOCK, got ${rest.length} argument(s)`);
  const format = values.format ?? "text";
  if (format !== "json" && format !== "text" && format !== "markdown")
    throw h.usageError(`--format must be text, markdown or json, not "${format}"`);
  const [oldPath, newPath] = rest;
  const load = async (p) => {
    const l = await readLock(resolve(io.cwd, p), p);
    if (!l) throw new VetError("E_USAGE", `${p} does not exist`);
    return l;
  };
  const changes = diffLocks(await load(oldPath), await load(newPath));
  const findings = changes.map(changeToFinding);
  const { decision } = decideOn(findings);
  if (format === "json")
    io.stdout(`${JSON.stringify({ schemaVersion: 1, command: "diff", decision, changes }, null, 2)}
`);
  else io.stdout(renderChanges(changes, { format }));
  return decision === "approve" ? EXIT.approve : EXIT.reject;
}
export {
  lockCli
};
