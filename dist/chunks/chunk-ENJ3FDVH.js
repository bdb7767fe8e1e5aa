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
    const base = String(keyOf(o) ?? "(unnamed)");
    let k = base;
    for (let n = 2; k in out; n++) k = `${base}#${n}`;
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
      const base = typeof t.name === "string" ? t.name : "(unnamed)";
      let k = base;
      for (let n = 2; k in tools; n++) k = `${base}#${n}`;
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

export {
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
