#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  isBidiControl,
  isControl,
  isInvisible,
  makeVisible
} from "./chunk-ZEJTREZT.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import {
  require_npa
} from "./chunk-GGYBWKUX.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/lock/format.ts
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
var LOCKFILE_NAME = "mcp-vet.lock.json";
var LOCKFILE_VERSION = 1;
function canonicalJson(v) {
  return `${JSON.stringify(sortKeys(v), null, 2)}
`;
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const o = v;
    const out = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== void 0) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}
function sha256(v) {
  const text = typeof v === "string" ? v : JSON.stringify(sortKeys(v));
  return createHash("sha256").update(text, "utf8").digest("hex");
}
function hashed(value) {
  return { sha256: sha256(value), value };
}
function keyed(items, keyOf) {
  const out = {};
  for (const item of items) {
    const o = item && typeof item === "object" ? item : {};
    const base2 = String(keyOf(o) ?? "(unnamed)");
    let k = base2;
    for (let n = 2; k in out; n++) k = `${base2}#${n}`;
    out[k] = hashed(item);
  }
  return out;
}
function lockTool(tool) {
  const fields = {};
  for (const [k, v] of Object.entries(tool)) if (v !== void 0) fields[k] = hashed(v);
  return { sha256: sha256(tool), fields };
}
function buildLockEntry(report, declaredAt, entry, spec = report.spec) {
  const dependencies = {};
  for (const d of report.dependencies) dependencies[`${d.name}@${d.version}`] = d.integrity;
  let manifest = null;
  const m = report.manifest;
  if (m) {
    const tools = {};
    for (const t of m.tools) {
      const base2 = typeof t.name === "string" ? t.name : "(unnamed)";
      let k = base2;
      for (let n = 2; k in tools; n++) k = `${base2}#${n}`;
      tools[k] = lockTool(t);
    }
    manifest = {
      source: m.source,
      instructions: typeof m.instructions === "string" ? hashed(m.instructions) : null,
      tools,
      prompts: keyed(m.prompts, (o) => o.name),
      resources: keyed(m.resources, (o) => o.uri ?? o.name),
      resourceTemplates: keyed(m.resourceTemplates, (o) => o.uriTemplate ?? o.name)
    };
  }
  let permissions = null;
  const p = report.permissions;
  if (p) {
    const capabilities = {};
    for (const [cap, entries] of Object.entries(p.capabilities)) {
      if (entries?.length) capabilities[cap] = [...new Set(entries.map((e) => e.package))].sort();
    }
    permissions = {
      capabilities,
      own: [...p.own].sort(),
      dependencies: [...p.dependencies].sort(),
      declared: {
        env: [...new Set(p.declared.env.map((e) => e.name))].sort(),
        inputs: [...new Set(p.declared.inputs.map((e) => `${e.type}:${e.name}`))].sort(),
        remotes: [...new Set(p.declared.remotes.map((e) => e.url))].sort(),
        transports: [...new Set(p.declared.transports)].sort()
      }
    };
  }
  return {
    kind: "npm",
    spec,
    declaredAt: sortDeclarations(declaredAt),
    entrySha256: sha256(entry),
    package: {
      name: report.package.name,
      version: report.package.version,
      integrity: report.package.integrity
    },
    dependencies,
    manifest,
    permissions
  };
}
function sortDeclarations(d) {
  return [...d].map((x) => ({ file: x.file, client: x.client })).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.client < b.client ? -1 : 1);
}
function serializeLock(lock) {
  return canonicalJson({ lockfileVersion: LOCKFILE_VERSION, servers: lock.servers });
}
async function writeLock(file, lock) {
  try {
    await writeFile(file, serializeLock(lock));
  } catch (err) {
    throw new VetError("E_USAGE", `cannot write ${file}: ${err.message}`, { cause: err });
  }
}
async function readLock(file, label = file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw new VetError("E_LOCK", `cannot read ${label}: ${err.message}`, { cause: err });
  }
  return parseLock(text, label);
}
function lockError(label, what) {
  return new VetError("E_LOCK", `${label}: ${what}`);
}
function parseLock(text, label) {
  const lines = text.split("\n");
  const conflict = lines.findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l));
  if (conflict >= 0) {
    const server = nearestServer(lines, conflict);
    throw lockError(
      label,
      `merge-conflict markers at line ${conflict + 1}${server ? ` (in server "${server}")` : ""}; resolve the conflict by re-running "mcp-vet lock" on the merged configs, not by hand`
    );
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw lockError(
      label,
      `not valid JSON (${err.message}); regenerate it with "mcp-vet lock --all"`
    );
  }
  if (!isObject(doc)) throw lockError(label, "the top level is not an object");
  if (doc.lockfileVersion !== LOCKFILE_VERSION) {
    throw lockError(
      label,
      `unknown lockfileVersion ${JSON.stringify(doc.lockfileVersion)} (this mcp-vet reads version ${LOCKFILE_VERSION}); use the mcp-vet that wrote it, or regenerate with "mcp-vet lock --all"`
    );
  }
  if (!isObject(doc.servers)) throw lockError(label, '"servers" is missing or not an object');
  for (const [name, e] of Object.entries(doc.servers)) validateEntry(label, name, e);
  return doc;
}
function nearestServer(lines, at) {
  for (let i = at; i >= 0; i--) {
    const m = /^ {4}"([^"]+)": \{$/.exec(lines[i]);
    if (m) return m[1];
  }
  return void 0;
}
function validateEntry(label, name, e) {
  const bad = (field, why) => {
    throw lockError(
      label,
      `server "${name}", field ${field}: ${why}; the lockfile was edited by hand — regenerate it with "mcp-vet lock"`
    );
  };
  if (!isObject(e)) bad("(entry)", "not an object");
  const o = e;
  if (!Array.isArray(o.declaredAt)) bad("declaredAt", "not a list");
  if (typeof o.entrySha256 !== "string") bad("entrySha256", "missing");
  if (o.kind !== "npm") {
    if (!["pypi", "oci", "remote", "node", "unknown"].includes(o.kind))
      bad("kind", `unknown kind ${JSON.stringify(o.kind)}`);
    if (typeof o.ref !== "string") bad("ref", "not a string");
    return;
  }
  if (typeof o.spec !== "string") bad("spec", "not a string");
  const pkg = o.package;
  if (!isObject(pkg) || typeof pkg.name !== "string" || typeof pkg.version !== "string")
    bad("package", "needs name and version");
  const p = pkg;
  if (p.integrity !== null && (typeof p.integrity !== "string" || !/^sha(256|384|512)-[A-Za-z0-9+/=]+$/.test(p.integrity)))
    bad("package.integrity", "not an SRI string");
  if (!isObject(o.dependencies)) bad("dependencies", "not an object");
  for (const [k, v] of Object.entries(o.dependencies)) {
    if (!/^(@[^/]+\/)?[^@]+@.+$/.test(k)) bad(`dependencies["${k}"]`, "the key is not name@version");
    if (v !== null && typeof v !== "string") bad(`dependencies["${k}"]`, "the integrity is not a string");
  }
  if (o.manifest !== null) {
    if (!isObject(o.manifest)) bad("manifest", "not an object");
    const m = o.manifest;
    if (m.instructions !== null) checkHashed(m.instructions, "manifest.instructions", bad);
    if (!isObject(m.tools)) bad("manifest.tools", "not an object");
    for (const [tn, t] of Object.entries(m.tools)) {
      const at = `manifest.tools["${tn}"]`;
      if (!isObject(t) || !isObject(t.fields) || typeof t.sha256 !== "string")
        bad(at, "needs sha256 and fields");
      const tool = t;
      const whole = {};
      for (const [fname, fv] of Object.entries(tool.fields)) {
        checkHashed(fv, `${at}.fields.${fname}`, bad);
        whole[fname] = fv.value;
      }
      if (sha256(whole) !== tool.sha256) bad(`${at}.sha256`, "does not match the tool's fields");
    }
    for (const list of ["prompts", "resources", "resourceTemplates"]) {
      if (!isObject(m[list])) bad(`manifest.${list}`, "not an object");
      for (const [k, v] of Object.entries(m[list]))
        checkHashed(v, `manifest.${list}["${k}"]`, bad);
    }
  }
  if (o.permissions !== null && (!isObject(o.permissions) || !isObject(o.permissions.capabilities)))
    bad("permissions", "needs capabilities");
}
function checkHashed(v, field, bad) {
  if (!isObject(v) || typeof v.sha256 !== "string" || !("value" in v)) bad(field, "needs sha256 and value");
  const h = v;
  if (sha256(h.value) !== h.sha256) bad(`${field}.sha256`, "does not match its text");
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

// src/lock/textdiff.ts
var TOKEN = /\s+|[\p{L}\p{N}_]+|[\s\S]/gu;
var MAX_CELLS = 4e6;
var CONTEXT = 60;
function tokens(s) {
  return s.match(TOKEN) ?? [];
}
function wordOps(a, b) {
  const x = tokens(a);
  const y = tokens(b);
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf])
    suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  const ops = [];
  if (pre) ops.push({ op: "=", text: x.slice(0, pre).join("") });
  if (xs.length * ys.length > MAX_CELLS) {
    if (xs.length) ops.push({ op: "-", text: xs.join("") });
    if (ys.length) ops.push({ op: "+", text: ys.join("") });
  } else {
    const n = xs.length;
    const m = ys.length;
    const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i2 = n - 1; i2 >= 0; i2--)
      for (let j2 = m - 1; j2 >= 0; j2--)
        L[i2][j2] = xs[i2] === ys[j2] ? L[i2 + 1][j2 + 1] + 1 : Math.max(L[i2 + 1][j2], L[i2][j2 + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        ops.push({ op: "=", text: xs[i++] });
        j++;
      } else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) ops.push({ op: "-", text: xs[i++] });
      else ops.push({ op: "+", text: ys[j++] });
    }
  }
  if (suf) ops.push({ op: "=", text: x.slice(x.length - suf).join("") });
  const merged = [];
  for (const o of ops) {
    const last = merged[merged.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else merged.push({ ...o });
  }
  return merged;
}
function wordDiff(a, b) {
  const ops = wordOps(a, b);
  let out = "";
  ops.forEach((o, k) => {
    if (o.op === "-") out += `[-${makeVisible(o.text, 2e3)}-]`;
    else if (o.op === "+") out += `{+${makeVisible(o.text, 2e3)}+}`;
    else {
      let t = o.text;
      const first = k === 0;
      const last = k === ops.length - 1;
      if (first && t.length > CONTEXT) t = `…${t.slice(-CONTEXT)}`;
      else if (last && t.length > CONTEXT) t = `${t.slice(0, CONTEXT)}…`;
      else if (t.length > 2 * CONTEXT) t = `${t.slice(0, CONTEXT)} … ${t.slice(-CONTEXT)}`;
      out += makeVisible(t, 2e3);
    }
  });
  return out;
}
function similarity(a, b) {
  if (a === b) return 1;
  const count = (s) => {
    const m = /* @__PURE__ */ new Map();
    for (const t of tokens(s)) if (t.trim()) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const x = count(a);
  const y = count(b);
  let common = 0;
  let total = 0;
  for (const [t, n] of x) {
    common += Math.min(n, y.get(t) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 1 : 2 * common / total;
}
var MAX_DEPTH = 64;
function structuralDiff(before, after) {
  const out = [];
  const walk = (a, b, p, depth) => {
    if (a === b) return;
    const objs = typeof a === "object" && a !== null && typeof b === "object" && b !== null && Array.isArray(a) === Array.isArray(b);
    if (!objs || depth >= MAX_DEPTH) {
      if (JSON.stringify(a) !== JSON.stringify(b))
        out.push({ pointer: p || "/", change: "changed", before: a, after: b });
      return;
    }
    const ra = a;
    const rb = b;
    for (const k of [.../* @__PURE__ */ new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) {
      const child = `${p}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!(k in ra)) out.push({ pointer: child, change: "added", after: rb[k] });
      else if (!(k in rb)) out.push({ pointer: child, change: "removed", before: ra[k] });
      else walk(ra[k], rb[k], child, depth + 1);
    }
  };
  walk(before, after, "", 0);
  return out;
}
function short(v, max = 160) {
  const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v);
  return makeVisible(s ?? "undefined", max);
}
function renderStructural(changes) {
  return changes.map(
    (c) => c.change === "added" ? `+ ${c.pointer}: ${short(c.after)}` : c.change === "removed" ? `- ${c.pointer}: ${short(c.before)}` : `~ ${c.pointer}: ${short(c.before)} → ${short(c.after)}`
  );
}

// src/lock/diff.ts
var KIND_RULE = {
  "server-added": "lock-missing",
  "server-removed": "lock-stale",
  "server-changed": "lock-server-changed",
  "declaration-changed": "lock-declaration-changed",
  "entry-changed": "lock-entry-changed",
  "package-changed": "lock-package-changed",
  "version-changed": "lock-version-changed",
  "integrity-mismatch": "lock-integrity-mismatch",
  "dependencies-changed": "lock-dependencies-changed",
  "tool-added": "lock-tool-added",
  "tool-removed": "lock-tool-removed",
  "tool-renamed": "lock-tool-renamed",
  "tool-changed": "lock-tool-changed",
  "tool-annotations-changed": "lock-tool-annotations-changed",
  "instructions-changed": "lock-instructions-changed",
  "prompts-changed": "lock-prompts-changed",
  "resources-changed": "lock-resources-changed",
  "manifest-source-changed": "lock-manifest-source-changed",
  "permission-gained": "lock-permission-gained",
  "permission-lost": "lock-permission-lost"
};
var DANGEROUS = /* @__PURE__ */ new Set([
  "network",
  "shell",
  "fs-write",
  "dynamic-code",
  "native-code",
  "install-scripts",
  "obfuscated",
  "sensitive-paths"
]);
var RENAME_THRESHOLD = 0.85;
function change(kind, severity, server, message, details = [], item) {
  return {
    kind,
    rule: KIND_RULE[kind],
    severity,
    server,
    ...item !== void 0 ? { item } : {},
    message,
    details
  };
}
function diffLocks(before, after) {
  const a = before?.servers ?? {};
  const b = after.servers;
  const out = [];
  for (const name of [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out.push(...diffEntries(name, a[name], b[name]));
  }
  return out;
}
function diffEntries(name, a, b) {
  if (!a && !b) return [];
  const where = (e) => e.declaredAt.map((d) => d.file).join(", ");
  if (!a) {
    return [
      change(
        "server-added",
        "high",
        name,
        `server "${name}" (${where(b)}) is not in the lock: it has never been reviewed; run "mcp-vet lock" and review the lockfile diff`,
        [{ field: "runs", words: describe(b) }]
      )
    ];
  }
  if (!b) {
    return [
      change(
        "server-removed",
        "low",
        name,
        `server "${name}" is in the lock but in no config: remove it with "mcp-vet lock"`,
        [{ field: "runs", words: describe(a) }]
      )
    ];
  }
  const out = [];
  const da = JSON.stringify(sortKeys(a.declaredAt));
  const db = JSON.stringify(sortKeys(b.declaredAt));
  if (da !== db) {
    out.push(
      change(
        "declaration-changed",
        "low",
        name,
        `server "${name}" is now declared in ${where(b)} (was ${where(a)})`
      )
    );
  }
  if (a.kind !== "npm" || b.kind !== "npm") {
    if (a.kind !== b.kind || describe(a) !== describe(b)) {
      out.push(
        change(
          "server-changed",
          "high",
          name,
          `server "${name}" now runs ${describe(b)} (was ${describe(a)})`,
          [{ field: "runs", words: wordDiff(describe(a), describe(b)) }]
        )
      );
    } else if (a.entrySha256 !== b.entrySha256) {
      out.push(
        change(
          "entry-changed",
          "medium",
          name,
          `server "${name}": its config entry (arguments, environment or headers) changed`
        )
      );
    }
    return out;
  }
  return [...out, ...diffNpm(name, a, b)];
}
function describe(e) {
  return e.kind === "npm" ? `${e.package.name}@${e.package.version}` : `${e.kind} ${e.ref}`;
}
function diffNpm(name, a, b) {
  const out = [];
  const pa = a.package;
  const pb = b.package;
  if (pa.name !== pb.name) {
    out.push(
      change(
        "package-changed",
        "high",
        name,
        `server "${name}" now runs the package ${pb.name} (was ${pa.name})`,
        [{ field: "package", words: wordDiff(pa.name, pb.name) }]
      )
    );
  } else if (pa.version !== pb.version) {
    out.push(
      change(
        "version-changed",
        "medium",
        name,
        `server "${name}": ${pa.name} ${pa.version} → ${pb.version}`,
        [{ field: "version", words: wordDiff(pa.version, pb.version) }]
      )
    );
  } else if (pa.integrity !== pb.integrity) {
    out.push(
      change(
        "integrity-mismatch",
        "critical",
        name,
        `server "${name}": ${pa.name}@${pa.version} now has other bytes than when it was locked (republished or tampered with): do not run it`,
        [{ field: "integrity", lines: [`- ${pa.integrity}`, `+ ${pb.integrity}`] }]
      )
    );
  }
  if (a.entrySha256 !== b.entrySha256 && a.spec === b.spec) {
    out.push(
      change(
        "entry-changed",
        "medium",
        name,
        `server "${name}": its config entry (arguments or environment) changed`
      )
    );
  }
  out.push(...diffDependencies(name, a.dependencies, b.dependencies));
  if (a.manifest && b.manifest) out.push(...diffManifest(name, a.manifest, b.manifest));
  else if (!a.manifest !== !b.manifest) {
    out.push(
      change(
        "manifest-source-changed",
        "low",
        name,
        `server "${name}": what it shows the model was ${a.manifest ? "recorded" : "not recorded"} in the lock and is ${b.manifest ? "recorded" : "not recorded"} now`
      )
    );
  }
  if (a.permissions && b.permissions) out.push(...diffPermissions(name, a.permissions, b.permissions));
  return out;
}
function splitKey(k) {
  const at = k.lastIndexOf("@");
  return at > 0 ? [k.slice(0, at), k.slice(at + 1)] : [k, ""];
}
function diffDependencies(server, a, b) {
  const out = [];
  const lines = [];
  const tampered = [];
  const byName = (d) => {
    const m = /* @__PURE__ */ new Map();
    for (const k of Object.keys(d)) {
      const [n, v] = splitKey(k);
      m.set(n, [...m.get(n) ?? [], v]);
    }
    return m;
  };
  const na = byName(a);
  const nb = byName(b);
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const n of [.../* @__PURE__ */ new Set([...na.keys(), ...nb.keys()])].sort()) {
    const va = na.get(n) ?? [];
    const vb = nb.get(n) ?? [];
    if (!va.length) {
      added++;
      lines.push(`+ ${n}@${vb.join(", ")}`);
    } else if (!vb.length) {
      removed++;
      lines.push(`- ${n}@${va.join(", ")}`);
    } else if (va.join() !== vb.join()) {
      changed++;
      lines.push(`~ ${n} ${va.join(", ")} → ${vb.join(", ")}`);
    }
    for (const v of va.filter((x) => vb.includes(x))) {
      const k = `${n}@${v}`;
      if (a[k] !== b[k]) tampered.push(k);
    }
  }
  if (tampered.length) {
    out.push(
      change(
        "integrity-mismatch",
        "critical",
        server,
        `server "${server}": ${tampered.length} dependenc${tampered.length === 1 ? "y has" : "ies have"} other bytes than when locked, same version (republished or tampered with): ${tampered.join(", ")}`,
        [{ field: "dependencies", lines: tampered.flatMap((k) => [`- ${k} ${a[k]}`, `+ ${k} ${b[k]}`]) }]
      )
    );
  }
  if (lines.length) {
    const parts = [
      added && `${added} added`,
      removed && `${removed} removed`,
      changed && `${changed} changed`
    ].filter(Boolean);
    out.push(
      change(
        "dependencies-changed",
        "medium",
        server,
        `server "${server}": dependencies ${parts.join(", ")}`,
        [{ field: "dependencies", lines }]
      )
    );
  }
  return out;
}
function hiddenCount(s) {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (isInvisible(cp) || isBidiControl(cp) || isControl(cp) && cp !== 10 && cp !== 9 && cp !== 13 || cp >= 917504 && cp <= 917631)
      n++;
  }
  return n;
}
function allText(v) {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(allText).join("\n");
  if (v && typeof v === "object")
    return Object.entries(v).map(([k, x]) => `${k}
${allText(x)}`).join("\n");
  return "";
}
function fieldDetail(field, a, b) {
  const va = a?.value;
  const vb = b?.value;
  if (typeof va === "string" && typeof vb === "string") return { field, words: wordDiff(va, vb) };
  if (a === void 0) return { field, lines: [`+ ${short(vb, 400)}`] };
  if (b === void 0) return { field, lines: [`- ${short(va, 400)}`] };
  return { field, lines: renderStructural(structuralDiff(va, vb)) };
}
function toolText(t, without = ["name"]) {
  const o = {};
  for (const [k, v] of Object.entries(t.fields)) if (!without.includes(k)) o[k] = v.value;
  return JSON.stringify(o);
}
function diffTool(server, name, a, b, renamedFrom) {
  const out = [];
  const fields = [.../* @__PURE__ */ new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])].sort();
  const changed = fields.filter((f) => f !== "name" && a.fields[f]?.sha256 !== b.fields[f]?.sha256);
  const main = changed.filter((f) => f !== "annotations");
  if (renamedFrom !== void 0) {
    out.push(
      change(
        "tool-renamed",
        "high",
        server,
        `server "${server}": tool "${renamedFrom}" is now called "${name}"${main.length ? ` and its ${main.join(", ")} changed` : ""}`,
        [
          { field: "name", words: wordDiff(renamedFrom, name) },
          ...main.map((f) => fieldDetail(f, a.fields[f], b.fields[f]))
        ],
        name
      )
    );
  } else if (main.length) {
    const hiddenBefore = main.reduce((n, f) => n + hiddenCount(allText(a.fields[f]?.value)), 0);
    const hiddenAfter = main.reduce((n, f) => n + hiddenCount(allText(b.fields[f]?.value)), 0);
    const hidden = hiddenAfter > hiddenBefore;
    out.push(
      change(
        "tool-changed",
        hidden ? "critical" : "high",
        server,
        `server "${server}": tool "${name}" changed its ${main.join(", ")}${hidden ? ` and now carries ${hiddenAfter - hiddenBefore} more invisible character${hiddenAfter - hiddenBefore === 1 ? "" : "s"}` : ""} — what the model reads is not what was reviewed`,
        main.map((f) => fieldDetail(f, a.fields[f], b.fields[f])),
        name
      )
    );
  }
  if (changed.includes("annotations")) {
    out.push(
      change(
        "tool-annotations-changed",
        "medium",
        server,
        `server "${server}": tool "${name}" changed its annotations (hints clients use to decide about confirmation)`,
        [fieldDetail("annotations", a.fields.annotations, b.fields.annotations)],
        name
      )
    );
  }
  return out;
}
function diffManifest(server, a, b) {
  const out = [];
  if (a.source !== b.source) {
    out.push(
      change(
        "manifest-source-changed",
        "low",
        server,
        `server "${server}": its tools were read by ${a.source} when locked and by ${b.source} now, so the lists may differ for that reason`
      )
    );
  }
  const removed = Object.keys(a.tools).filter((t) => !(t in b.tools));
  const added = Object.keys(b.tools).filter((t) => !(t in a.tools));
  const renamed = /* @__PURE__ */ new Map();
  for (const n of added) {
    let best;
    for (const o of removed) {
      if ([...renamed.values()].includes(o)) continue;
      const s = similarity(toolText(a.tools[o]), toolText(b.tools[n]));
      if (s >= RENAME_THRESHOLD && (!best || s > best[1])) best = [o, s];
    }
    if (best) renamed.set(n, best[0]);
  }
  const renamedOld = new Set(renamed.values());
  for (const name of [.../* @__PURE__ */ new Set([...Object.keys(a.tools), ...Object.keys(b.tools)])].sort()) {
    const ta = a.tools[name];
    const tb = b.tools[name];
    if (ta && tb) {
      if (ta.sha256 !== tb.sha256) out.push(...diffTool(server, name, ta, tb));
    } else if (tb && renamed.has(name)) {
      const old = renamed.get(name);
      out.push(...diffTool(server, name, a.tools[old], tb, old));
    } else if (tb) {
      const d = tb.fields.description?.value;
      out.push(
        change(
          "tool-added",
          "medium",
          server,
          `server "${server}": new tool "${name}"`,
          [
            {
              field: "description",
              words: typeof d === "string" ? `{+${wordDiff("", d).slice(2, -2)}+}` : "(none)"
            },
            ...tb.fields.inputSchema ? [fieldDetail("inputSchema", void 0, tb.fields.inputSchema)] : []
          ],
          name
        )
      );
    } else if (ta && !renamedOld.has(name)) {
      out.push(
        change("tool-removed", "low", server, `server "${server}": tool "${name}" was removed`, [], name)
      );
    }
  }
  const ia = a.instructions;
  const ib = b.instructions;
  if ((ia?.sha256 ?? null) !== (ib?.sha256 ?? null)) {
    out.push(
      change(
        "instructions-changed",
        "high",
        server,
        `server "${server}": its instructions to the model changed`,
        [{ field: "instructions", words: wordDiff(ia?.value ?? "", ib?.value ?? "") }]
      )
    );
  }
  const lists = [
    ["prompts", "prompts-changed", "high", "prompt"],
    ["resources", "resources-changed", "medium", "resource"],
    ["resourceTemplates", "resources-changed", "medium", "resource template"]
  ];
  for (const [key, kind, severity, label] of lists) {
    const la = a[key];
    const lb = b[key];
    for (const k of [.../* @__PURE__ */ new Set([...Object.keys(la), ...Object.keys(lb)])].sort()) {
      if (la[k]?.sha256 === lb[k]?.sha256) continue;
      const what = !la[k] ? "added" : !lb[k] ? "removed" : "changed";
      out.push(
        change(
          kind,
          what === "removed" ? "low" : severity,
          server,
          `server "${server}": ${label} "${k}" ${what}`,
          [fieldDetail(label, la[k], lb[k])],
          k
        )
      );
    }
  }
  return out;
}
function diffPermissions(server, a, b) {
  const out = [];
  for (const cap of [.../* @__PURE__ */ new Set([...Object.keys(a.capabilities), ...Object.keys(b.capabilities)])].sort()) {
    const pa = a.capabilities[cap] ?? [];
    const pb = b.capabilities[cap] ?? [];
    const gained = pb.filter((p) => !pa.includes(p));
    if (!pa.length && pb.length) {
      out.push(
        change(
          "permission-gained",
          DANGEROUS.has(cap) ? "high" : "medium",
          server,
          `server "${server}" gained the capability ${cap} (from ${pb.join(", ")})`,
          [{ field: cap, lines: pb.map((p) => `+ ${p}`) }],
          cap
        )
      );
    } else if (pa.length && !pb.length) {
      out.push(
        change(
          "permission-lost",
          "info",
          server,
          `server "${server}" no longer has the capability ${cap}`,
          [{ field: cap, lines: pa.map((p) => `- ${p}`) }],
          cap
        )
      );
    } else if (gained.length) {
      out.push(
        change(
          "permission-gained",
          "medium",
          server,
          `server "${server}": ${cap} is now also brought by ${gained.join(", ")}`,
          [{ field: cap, lines: gained.map((p) => `+ ${p}`) }],
          cap
        )
      );
    }
  }
  for (const k of ["env", "inputs", "remotes", "transports"]) {
    const gained = b.declared[k].filter((x) => !a.declared[k].includes(x));
    const lost = a.declared[k].filter((x) => !b.declared[k].includes(x));
    if (gained.length) {
      out.push(
        change(
          "permission-gained",
          "medium",
          server,
          `server "${server}" now declares ${k}: ${gained.join(", ")}`,
          [{ field: `declared.${k}`, lines: gained.map((x) => `+ ${x}`) }],
          `declared.${k}`
        )
      );
    }
    if (lost.length) {
      out.push(
        change(
          "permission-lost",
          "info",
          server,
          `server "${server}" no longer declares ${k}: ${lost.join(", ")}`,
          [{ field: `declared.${k}`, lines: lost.map((x) => `- ${x}`) }],
          `declared.${k}`
        )
      );
    }
  }
  return out;
}
function changeToFinding(c) {
  return {
    rule: c.rule,
    severity: c.severity,
    message: c.message,
    server: c.server,
    kind: c.kind,
    ...c.item !== void 0 ? { item: c.item } : {},
    details: c.details
  };
}

// src/config/launcher.ts
var import_npm_package_arg = __toESM(require_npa(), 1);
var import_semver = __toESM(require_semver(), 1);
var VARIABLE = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/;
function hasVariable(s) {
  return VARIABLE.test(s);
}
function base(cmd) {
  const b = cmd.replace(/\\/g, "/").split("/").pop() ?? cmd;
  return b.replace(/\.(cmd|exe|bat|ps1)$/i, "");
}
var VALUE_FLAGS = {
  npx: /* @__PURE__ */ new Set([
    "-p",
    "--package",
    "-c",
    "--call",
    "--registry",
    "--cache",
    "--userconfig",
    "-w",
    "--workspace"
  ]),
  "pnpm dlx": /* @__PURE__ */ new Set(["--package", "--reporter", "--registry", "--dir", "-C"]),
  bunx: /* @__PURE__ */ new Set(["-p", "--package", "--registry", "--cwd"]),
  "yarn dlx": /* @__PURE__ */ new Set(["-p", "--package", "--registry"]),
  uvx: /* @__PURE__ */ new Set([
    "--from",
    "--with",
    "--python",
    "-p",
    "--index",
    "--index-url",
    "--extra-index-url",
    "--with-requirements"
  ]),
  pipx: /* @__PURE__ */ new Set(["--spec", "--python", "--index-url", "--pip-args"])
};
function recognizeLauncher(e) {
  if (e.url !== void 0 && !e.command) return { kind: "remote", url: e.url, transport: e.type };
  if (!e.command)
    return { kind: "unknown", command: "", reason: 'the entry has neither "command" nor "url"' };
  let words = [e.command, ...e.args ?? []];
  if (!e.args?.length && /\s/.test(e.command.trim())) words = e.command.trim().split(/\s+/);
  const [cmd, ...rest] = words;
  const b = base(cmd);
  if (b === "npx") return npmLaunch("npx", rest);
  if (b === "bunx") return npmLaunch("bunx", rest);
  if ((b === "pnpm" || b === "yarn") && rest[0] === "dlx")
    return npmLaunch(`${b} dlx`, rest.slice(1));
  if (b === "pnpx") return npmLaunch("pnpm dlx", rest);
  if (b === "bun" && rest[0] === "x") return npmLaunch("bunx", rest.slice(1));
  if (b === "npm" && (rest[0] === "exec" || rest[0] === "x")) return npmLaunch("npx", rest.slice(1));
  if (b === "node" || b === "nodejs") {
    const i = rest.findIndex((a) => !a.startsWith("-"));
    if (i < 0) return { kind: "unknown", command: cmd, reason: "node is started without a script" };
    return { kind: "node", script: rest[i], args: rest.slice(i + 1) };
  }
  if (b === "uvx" || b === "uv" && rest[0] === "tool" && rest[1] === "run") {
    return pypiLaunch("uvx", b === "uv" ? rest.slice(2) : rest);
  }
  if (b === "pipx" && rest[0] === "run") return pypiLaunch("pipx", rest.slice(1));
  if ((b === "docker" || b === "podman") && rest[0] === "run") return ociLaunch(rest.slice(1));
  return { kind: "unknown", command: cmd, reason: `"${b}" is not a launcher mcp-vet recognises` };
}
function npmLaunch(launcher, rest) {
  const flags = VALUE_FLAGS[launcher];
  let pkg;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === "-p" || flag === "--package") {
      pkg = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  const commandWord = rest[i];
  const spec = pkg ?? commandWord;
  const args = rest.slice(i + 1);
  if (!spec) return { kind: "unknown", command: launcher, reason: `${launcher} is given no package` };
  let name = spec;
  let pinned;
  try {
    const parsed = (0, import_npm_package_arg.default)(spec);
    if (parsed.type === "version" || parsed.type === "range" || parsed.type === "tag") {
      name = parsed.name ?? spec;
      if (parsed.type === "version" && import_semver.default.valid(parsed.fetchSpec)) pinned = parsed.fetchSpec;
    } else {
      return {
        kind: "unknown",
        command: launcher,
        reason: `${launcher} runs "${spec}", a ${parsed.type} spec, not a registry package`
      };
    }
  } catch {
    if (!hasVariable(spec)) {
      return { kind: "unknown", command: launcher, reason: `"${spec}" is not a valid npm package spec` };
    }
  }
  return { kind: "npm", launcher, spec, name, ...pinned ? { pinned } : {}, args };
}
function pypiLaunch(launcher, rest) {
  const flags = VALUE_FLAGS[launcher];
  let from;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === "--from" || flag === "--spec") {
      from = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  const spec = from ?? rest[i] ?? "";
  return { kind: "pypi", launcher, spec, pinned: /==[^=*]+$/.test(spec), args: rest.slice(i + 1) };
}
var DOCKER_VALUE_FLAGS = /* @__PURE__ */ new Set([
  "-e",
  "--env",
  "-v",
  "--volume",
  "--name",
  "-p",
  "--publish",
  "--network",
  "--net",
  "-u",
  "--user",
  "-w",
  "--workdir",
  "--entrypoint",
  "--env-file",
  "--mount",
  "--platform",
  "-l",
  "--label",
  "--add-host",
  "--cap-add",
  "--cap-drop",
  "--security-opt",
  "-m",
  "--memory",
  "--cpus",
  "--pull",
  "-h",
  "--hostname",
  "--device",
  "--tmpfs"
]);
function ociLaunch(rest) {
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) break;
    if (DOCKER_VALUE_FLAGS.has(a)) i++;
  }
  const image = rest[i] ?? "";
  return { kind: "oci", image, pinned: /@sha256:[0-9a-f]{64}$/.test(image), args: rest.slice(i + 1) };
}
function isPinned(l) {
  if (l.kind === "npm") return l.pinned !== void 0;
  if (l.kind === "pypi" || l.kind === "oci") return l.pinned;
  return true;
}

// src/config/discover.ts
import { readFile as readFile2, stat } from "node:fs/promises";
import path from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString2(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString2(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray2() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray2();
      case 1:
        return parseObject();
      case 10:
        return parseString2(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit2(char, base2 = 10) {
  return base2 === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base2;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit2(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit2(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base2, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit2(c, base2))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base2, startPtr);
}
function parseInteger(ctx, str, base2, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base2);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base2 === 10 ? BigInt(str) : BigInt((base2 === 2 ? "0b" : base2 === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit2(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit2(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse3(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/config/discover.ts
var KNOWN_CONFIGS = [
  { client: "claude-code", file: ".mcp.json", key: ["mcpServers"], syntax: "json" },
  { client: "cursor", file: ".cursor/mcp.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "vscode", file: ".vscode/mcp.json", key: ["servers"], syntax: "jsonc" },
  { client: "vscode-settings", file: ".vscode/settings.json", key: ["mcp", "servers"], syntax: "jsonc" },
  { client: "claude-desktop", file: "claude_desktop_config.json", key: ["mcpServers"], syntax: "json" },
  { client: "gemini", file: ".gemini/settings.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "codex", file: ".codex/config.toml", key: ["mcp_servers"], syntax: "toml" },
  { client: "zed", file: ".zed/settings.json", key: ["context_servers"], syntax: "jsonc" },
  { client: "kiro", file: ".kiro/settings/mcp.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "windsurf", file: "mcp_config.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "windsurf", file: ".windsurf/mcp_config.json", key: ["mcpServers"], syntax: "jsonc" }
];
function formatFor(rel) {
  const norm = rel.replace(/\\/g, "/");
  const known = KNOWN_CONFIGS.find((f) => norm === f.file || norm.endsWith(`/${f.file}`));
  if (known) return { ...known, file: norm };
  if (norm.endsWith(".toml")) return { client: "codex", file: norm, key: ["mcp_servers"], syntax: "toml" };
  if (/(^|\/)settings\.json$/.test(norm))
    return { client: "vscode-settings", file: norm, key: ["mcp", "servers"], syntax: "jsonc" };
  if (/(^|\/)mcp_config\.json$/.test(norm))
    return { client: "windsurf", file: norm, key: ["mcpServers"], syntax: "jsonc" };
  if (/(^|\/)claude_desktop_config\.json$/.test(norm))
    return { client: "claude-desktop", file: norm, key: ["mcpServers"], syntax: "json" };
  return { client: "claude-code", file: norm, key: ["mcpServers"], syntax: "jsonc" };
}
function userConfigFormats(home, root, platform = process.platform, env = process.env) {
  const p = platform === "win32" ? path.win32 : path.posix;
  const [appDir, appShown] = platform === "darwin" ? [p.join(home, "Library", "Application Support"), "~/Library/Application Support"] : platform === "win32" ? env.APPDATA ? [env.APPDATA, "%APPDATA%"] : [p.join(home, "AppData", "Roaming"), "~/AppData/Roaming"] : env.XDG_CONFIG_HOME ? [env.XDG_CONFIG_HOME, "$XDG_CONFIG_HOME"] : [p.join(home, ".config"), "~/.config"];
  const inHome = (rel) => ({
    file: `~/${rel}`,
    abs: p.join(home, ...rel.split("/"))
  });
  const inApp = (rel) => ({
    file: `${appShown}/${rel}`,
    abs: p.join(appDir, ...rel.split("/"))
  });
  return [
    { client: "claude-code", ...inHome(".claude.json"), key: ["mcpServers"], syntax: "json", exactKey: true },
    {
      client: "claude-code",
      ...inHome(".claude.json"),
      key: ["projects", root, "mcpServers"],
      syntax: "json",
      exactKey: true
    },
    { client: "cursor", ...inHome(".cursor/mcp.json"), key: ["mcpServers"], syntax: "jsonc" },
    { client: "vscode", ...inApp("Code/User/mcp.json"), key: ["servers"], syntax: "jsonc" },
    {
      client: "vscode-settings",
      ...inApp("Code/User/settings.json"),
      key: ["mcp", "servers"],
      syntax: "jsonc"
    },
    {
      client: "claude-desktop",
      ...inApp("Claude/claude_desktop_config.json"),
      key: ["mcpServers"],
      syntax: "json"
    },
    {
      client: "windsurf",
      ...inHome(".codeium/windsurf/mcp_config.json"),
      key: ["mcpServers"],
      syntax: "jsonc"
    },
    { client: "gemini", ...inHome(".gemini/settings.json"), key: ["mcpServers"], syntax: "jsonc" },
    { client: "codex", ...inHome(".codex/config.toml"), key: ["mcp_servers"], syntax: "toml" },
    { client: "kiro", ...inHome(".kiro/settings/mcp.json"), key: ["mcpServers"], syntax: "jsonc" }
  ];
}
async function discoverConfigs(root, explicit, opts = {}) {
  const formats = [];
  const findings = [];
  const exists = async (file) => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };
  if (explicit?.length) {
    for (const p of explicit) formats.push(formatFor(p));
  } else {
    for (const f of KNOWN_CONFIGS) if (await exists(path.join(root, f.file))) formats.push(f);
  }
  if (opts.userHome) {
    for (const f of userConfigFormats(opts.userHome, path.resolve(root), opts.platform, opts.env))
      if (await exists(f.abs)) formats.push(f);
  }
  const files = [];
  const all = [];
  for (const f of formats) {
    const abs = f.abs ?? path.resolve(root, f.file);
    let text;
    try {
      text = await readFile2(abs, "utf8");
    } catch (err) {
      if (explicit?.length) {
        findings.push({
          rule: "config-unreadable",
          severity: "high",
          message: `${f.file}: cannot read it (${err.code ?? err.message})`,
          file: f.file
        });
      }
      continue;
    }
    if (!files.some((d) => d.file === f.file && d.client === f.client))
      files.push({ file: f.file, client: f.client });
    const parsed = parseConfig(text, f);
    findings.push(...parsed.findings);
    all.push(...parsed.servers);
  }
  const merged = mergeServers(all, findings);
  return { files, servers: merged, findings };
}
function parseConfig(text, f) {
  const findings = [];
  const malformed = (why) => ({
    servers: [],
    findings: [
      {
        rule: "config-malformed",
        severity: "high",
        message: `${f.file}: ${why}; its servers were not vetted (the client may not start them either)`,
        file: f.file
      }
    ]
  });
  let doc;
  if (f.syntax === "toml") {
    try {
      doc = parse3(text);
    } catch (err) {
      return malformed(`not valid TOML (${err.message.split("\n")[0]})`);
    }
  } else {
    const errors = [];
    doc = parse2(text, errors, { allowTrailingComma: f.syntax === "jsonc", disallowComments: false });
    if (errors.length) {
      const e = errors[0];
      const line = text.slice(0, e.offset).split("\n").length;
      return malformed(`not valid JSON at line ${line} (${printParseErrorCode(e.error)})`);
    }
    if (f.syntax === "json" && /^\s*\/\/|\/\*/m.test(stripStrings(text))) {
      findings.push({
        rule: "config-comments",
        severity: "low",
        message: `${f.file}: has comments, which ${f.client} does not accept in this file (read anyway)`,
        file: f.file
      });
    }
  }
  if (!isObject2(doc)) return malformed("the top level is not an object");
  let servers = f.key.length === 2 ? doc[`${f.key[0]}.${f.key[1]}`] ?? dig(doc, f.key) : dig(doc, f.key);
  if (servers === void 0 && !f.exactKey) {
    for (const k of ["mcpServers", "servers", "context_servers", "mcp_servers"])
      if (isObject2(doc[k])) servers = doc[k];
    const vs = doc["mcp.servers"] ?? dig(doc, ["mcp", "servers"]);
    if (servers === void 0 && isObject2(vs)) servers = vs;
  }
  if (servers === void 0) return { servers: [], findings };
  if (!isObject2(servers)) return malformed(`"${f.key.join(".")}" is not an object of servers`);
  const out = [];
  for (const [name, raw] of Object.entries(servers)) {
    if (!isObject2(raw)) {
      findings.push(entryFinding(f, name, "is not an object"));
      continue;
    }
    const entry = normalizeEntry(f, raw);
    if (typeof entry === "string") {
      findings.push(entryFinding(f, name, entry));
      continue;
    }
    if (entry.disabled) continue;
    const variables = [...new Set(JSON.stringify(entry.raw).match(/\$\{[^}]*\}/g) ?? [])].sort();
    out.push({
      name,
      declaredAt: [{ file: f.file, client: f.client }],
      entry: entry.raw,
      launch: recognizeLauncher(entry.raw),
      variables
    });
  }
  return { servers: out, findings };
}
function entryFinding(f, name, why) {
  return {
    rule: "config-malformed",
    severity: "high",
    message: `${f.file}: server "${name}" ${why}; it was not vetted`,
    file: f.file,
    server: name
  };
}
function normalizeEntry(f, o) {
  let src = o;
  if (f.client === "zed" && isObject2(o.command)) {
    src = { ...o, ...o.command, command: o.command.path };
  }
  const raw = {};
  const cmd = src.command;
  if (cmd !== void 0) {
    if (typeof cmd !== "string") return '"command" is not a string';
    raw.command = cmd;
  }
  if (src.args !== void 0) {
    if (!Array.isArray(src.args) || src.args.some((a) => typeof a !== "string" && typeof a !== "number"))
      return '"args" is not a list of strings';
    raw.args = src.args.map(String);
  }
  if (src.env !== void 0) {
    if (!isObject2(src.env)) return '"env" is not an object';
    raw.env = Object.fromEntries(Object.entries(src.env).map(([k, v]) => [k, String(v)]));
  }
  const url = src.url ?? src.serverUrl ?? src.httpUrl;
  if (url !== void 0) {
    if (typeof url !== "string") return '"url" is not a string';
    raw.url = url;
  }
  if (typeof src.type === "string") raw.type = src.type;
  if (raw.command === void 0 && raw.url === void 0) return 'has neither "command" nor "url"';
  return { raw, disabled: src.disabled === true || src.enabled === false };
}
function mergeServers(all, findings) {
  const byName = /* @__PURE__ */ new Map();
  for (const s of all) {
    const seen = byName.get(s.name);
    if (!seen) {
      byName.set(s.name, s);
      continue;
    }
    if (launchKey(seen) === launchKey(s)) {
      seen.declaredAt.push(...s.declaredAt);
      continue;
    }
    findings.push({
      rule: "config-conflict",
      severity: "high",
      message: `server "${s.name}" is defined differently in ${seen.declaredAt.map((d) => d.file).join(", ")} (${describeLaunch(seen.launch)}) and ${s.declaredAt[0].file} (${describeLaunch(s.launch)}): which one runs depends on the client; the first is vetted and locked`,
      server: s.name,
      files: [...seen.declaredAt.map((d) => d.file), s.declaredAt[0].file]
    });
  }
  return [...byName.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function launchKey(s) {
  const { command, args, url } = s.entry;
  return JSON.stringify([
    s.launch.kind === "npm" ? ["npm", s.launch.spec, s.launch.args] : [command, args, url]
  ]);
}
function describeLaunch(l) {
  switch (l.kind) {
    case "npm":
      return `${l.launcher} ${l.spec}`;
    case "node":
      return `node ${l.script}`;
    case "pypi":
      return `${l.launcher} ${l.spec}`;
    case "oci":
      return `docker run ${l.image}`;
    case "remote":
      return `remote ${l.url}`;
    default:
      return l.command || "(no command)";
  }
}
function serverFindings(s) {
  const out = [];
  const where = s.declaredAt.map((d) => d.file).join(", ");
  const l = s.launch;
  const base2 = { server: s.name, file: s.declaredAt[0].file };
  if (l.kind === "npm" && hasVariable(l.spec)) {
    out.push({
      ...base2,
      rule: "config-unresolved-variable",
      severity: "high",
      message: `server "${s.name}" (${where}): its package spec "${l.spec}" contains a variable mcp-vet cannot resolve, so the package that runs is unknown; write the package and version literally`,
      variables: s.variables
    });
  }
  const notVetted = (what, missing) => ({
    ...base2,
    rule: "server-not-npm",
    severity: "medium",
    message: `server "${s.name}" (${where}) is ${what}: not vetted (${missing}); it is recorded in the lock so a change to it shows up`,
    kind: l.kind
  });
  if (l.kind === "pypi")
    out.push(
      notVetted(
        `a PyPI package run with ${l.launcher} (${l.spec})`,
        "no dependency resolution, advisories, capabilities or tools for PyPI yet"
      )
    );
  else if (l.kind === "oci")
    out.push(
      notVetted(
        `a container image (${l.image || "no image"})`,
        "image contents, advisories and tools are not inspected"
      )
    );
  else if (l.kind === "remote")
    out.push(
      notVetted(
        `a remote server at ${l.url}`,
        "its code is not available; the tools it serves can change at any time"
      )
    );
  else if (l.kind === "node")
    out.push(notVetted(`a local script (node ${l.script})`, "local code is not resolved from a registry"));
  else if (l.kind === "unknown") out.push(notVetted(`started with "${l.command}"`, l.reason));
  return out;
}
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function dig(o, keys) {
  let cur = o;
  for (const k of keys) cur = isObject2(cur) ? cur[k] : void 0;
  return cur;
}
function stripStrings(text) {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

export {
  hasVariable,
  isPinned,
  discoverConfigs,
  describeLaunch,
  serverFindings,
  LOCKFILE_NAME,
  sortKeys,
  sha256,
  buildLockEntry,
  sortDeclarations,
  writeLock,
  readLock,
  parseLock,
  diffLocks,
  diffEntries,
  changeToFinding
};
