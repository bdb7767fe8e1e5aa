#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  require_spdx_expression_parse
} from "./chunk-OZXAZC2R.js";
import {
  CAPABILITIES
} from "./chunk-FM5PDPI3.js";
import {
  require_dist
} from "./chunk-ESWZZSX2.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/policy/policy.ts
var import_yaml = __toESM(require_dist(), 1);
var import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);
var import_semver = __toESM(require_semver(), 1);
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
var CAPABILITIES2 = CAPABILITIES.filter(
  (c) => c !== "urls" && c !== "sensitive-paths"
);
var SEVERITIES = ["low", "medium", "high", "critical"];
var REQUIRED_HINTS = {
  reason: "say why it is acceptable, for the next reviewer",
  expires: "a date, YYYY-MM-DD: suppressions never last forever"
};
var ACTIONS = ["reject", "warn", "info"];
var e = (...values) => ({ kind: "enum", values });
var str = (check) => ({ kind: "string", check });
var list = (of) => ({ kind: "list", of });
var obj = (fields, required) => ({
  kind: "object",
  fields,
  required
});
var spdxCheck = (v) => {
  try {
    (0, import_spdx_expression_parse.default)(v);
    return void 0;
  } catch {
    return `"${v}" is not a valid SPDX license expression (e.g. MIT, Apache-2.0, "MIT OR GPL-3.0-only")`;
  }
};
var packageRefCheck = (v) => parsePackageRef(v) ? void 0 : `"${v}" is not a package reference (use name, name@range or pkg:npm/name@range)`;
var dateCheck = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? void 0 : `"${v}" is not a date (use YYYY-MM-DD)`;
var capability = e(...CAPABILITIES2);
var SCHEMA = obj({
  extends: str(),
  "fail-on": e(...SEVERITIES),
  vulnerabilities: obj({ severity: e(...SEVERITIES), "on-unavailable": e("fail", "warn") }),
  licenses: obj({
    allow: list(str(spdxCheck)),
    deny: list(str(spdxCheck)),
    unknown: e("allow", "warn", "reject")
  }),
  capabilities: obj({
    deny: list(capability),
    dependencies: obj({ deny: list(capability) }),
    allow: { kind: "map", key: "server package name", of: list(capability) }
  }),
  "tool-text": obj({ severity: e(...SEVERITIES) }),
  introspection: obj({ failed: e(...ACTIONS), changed: e("reject", "warn") }),
  lockfile: obj({ unpinned: e(...ACTIONS), missing: e(...ACTIONS), changes: e(...ACTIONS) }),
  hygiene: obj({
    deprecated: e(...ACTIONS),
    "not-npm": e(...ACTIONS),
    "min-age-days": { kind: "int", min: 0, max: 3650 }
  }),
  servers: obj({ allow: list(str(packageRefCheck)), deny: list(str(packageRefCheck)) }),
  packages: obj({ deny: list(str(packageRefCheck)) }),
  baseline: obj({ existing: e("warn", "reject") }),
  suppressions: list(
    obj(
      {
        rule: str(),
        id: str(),
        package: str(),
        server: str(),
        reason: str(),
        expires: str(dateCheck)
      },
      ["reason", "expires"]
    )
  )
});
function closest(word, options) {
  const dist = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(
          d[i - 1][j] + 1,
          d[i][j - 1] + 1,
          d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
        );
    return d[a.length][b.length];
  };
  let best;
  let bestD = 3;
  for (const o of options) {
    const dd = dist(word, o);
    if (dd < bestD) {
      bestD = dd;
      best = o;
    }
  }
  return best;
}
function validate(node, schema, path, at) {
  const fail = (msg, n = node) => {
    throw new VetError("E_USAGE", `${at(n)}: ${path || "(top level)"}: ${msg}`);
  };
  switch (schema.kind) {
    case "enum": {
      const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
      if (typeof v !== "string" || !schema.values.includes(v)) {
        fail(
          `${JSON.stringify((0, import_yaml.isScalar)(node) ? node.value : "(not a value)")} is not allowed; use one of ${schema.values.join(", ")}`
        );
      }
      return v;
    }
    case "string": {
      const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
      if (typeof v !== "string" && typeof v !== "number") fail("must be a string");
      const s = String(v).trim();
      const problem = schema.check?.(s);
      if (problem) fail(problem);
      return s;
    }
    case "int": {
      const v = (0, import_yaml.isScalar)(node) ? node.value : void 0;
      if (typeof v !== "number" || !Number.isInteger(v) || v < schema.min || v > schema.max) {
        fail(`must be a whole number from ${schema.min} to ${schema.max}`);
      }
      return v;
    }
    case "list": {
      if (node === null || (0, import_yaml.isScalar)(node) && node.value === null) return [];
      if (!(0, import_yaml.isSeq)(node)) fail("must be a list");
      return node.items.map((item, i) => validate(item, schema.of, `${path}[${i}]`, at));
    }
    case "map":
    case "object": {
      if (node === null || (0, import_yaml.isScalar)(node) && node.value === null) return {};
      if (!(0, import_yaml.isMap)(node))
        fail(
          schema.kind === "map" ? `must be a mapping of ${schema.key} to values` : "must be a mapping (key: value)"
        );
      const out = {};
      for (const pair of node.items) {
        const key = String((0, import_yaml.isScalar)(pair.key) ? pair.key.value : pair.key);
        const sub = path ? `${path}.${key}` : key;
        if (schema.kind === "map") {
          out[key] = validate(pair.value, schema.of, sub, at);
          continue;
        }
        const field = schema.fields[key];
        if (!field) {
          const allowed = Object.keys(schema.fields);
          const guess = closest(key, allowed);
          fail(
            `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}; allowed here: ${allowed.join(", ")}`,
            pair.key
          );
        }
        out[key] = validate(pair.value, field, sub, at);
      }
      for (const r of schema.kind === "object" ? schema.required ?? [] : []) {
        if (out[r] === void 0 || out[r] === "")
          fail(`needs "${r}"${REQUIRED_HINTS[r] ? ` (${REQUIRED_HINTS[r]})` : ""}`);
      }
      return out;
    }
  }
}
function presetDir() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "policies", "default.yml"))) return join(dir, "policies");
    dir = dirname(dir);
  }
  throw new VetError("E_INTERNAL", "the policies/ folder with the presets is missing from this installation");
}
function presetNames() {
  return ["default", "strict"];
}
function readPolicyFile(file, display) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new VetError("E_USAGE", `the policy file ${display} could not be read: ${err.message}`);
  }
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line;
    throw new VetError(
      "E_USAGE",
      `${display}${line ? `:${line}` : ""}: not valid YAML (${err.message.split("\n")[0]})`
    );
  }
  const at = (n) => {
    const offset = n?.range?.[0];
    return offset === void 0 ? display : `${display}:${lines.linePos(offset).line}`;
  };
  const root = doc.contents;
  const data = validate(root, SCHEMA, "", at) ?? {};
  if (Array.isArray(data.suppressions) && (0, import_yaml.isMap)(root)) {
    const seq = root.get("suppressions", true);
    if (seq && (0, import_yaml.isSeq)(seq)) {
      data.suppressions.forEach((s, i) => {
        s.source = at(seq.items[i]);
      });
    }
  }
  for (const sup of data.suppressions ?? []) {
    if (!sup.rule && !sup.id) {
      throw new VetError(
        "E_USAGE",
        `${String(sup.source)}: a suppression needs "rule" or "id" (or both), or it would suppress everything`
      );
    }
  }
  let extendsNode;
  if (typeof data.extends === "string" && (0, import_yaml.isMap)(root)) {
    extendsNode = { value: data.extends, at: at(root.get("extends", true)) };
  }
  delete data.extends;
  return { data, extendsNode };
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === "suppressions") out[k] = [...base[k] ?? [], ...v ?? []];
    else if (isObject(v) && isObject(base[k]) && k !== "allow")
      out[k] = merge(base[k], v);
    else if (isObject(v) && isObject(base[k]) && k === "allow") out[k] = { ...base[k], ...v };
    else out[k] = v;
  }
  return out;
}
function loadPolicy(ref, cwd) {
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  let preset;
  const load = (refName, from, where) => {
    let file;
    let display;
    if (presetNames().includes(refName)) {
      file = join(presetDir(), `${refName}.yml`);
      display = `preset:${refName}`;
      preset = refName;
    } else {
      file = resolve(from, refName);
      display = relative(cwd, file) || refName;
      if (!existsSync(file)) {
        throw new VetError(
          "E_USAGE",
          `${where}: "${refName}" is neither a preset (${presetNames().join(", ")}) nor an existing file (${file})`
        );
      }
    }
    const real = realpathSync(file);
    if (seen.has(real))
      throw new VetError("E_USAGE", `${where}: extends "${refName}" loops back to ${display}`);
    seen.add(real);
    files.push(display);
    const raw = readPolicyFile(file, display);
    const base = raw.extendsNode ? load(raw.extendsNode.value, dirname(file), raw.extendsNode.at) : {};
    return merge(base, raw.data);
  };
  const data = load(ref, cwd, "--policy");
  return { policy: finish(data), files, ...preset ? { preset } : {} };
}
function finish(data) {
  const defaults = {
    "fail-on": "high",
    vulnerabilities: { severity: "high", "on-unavailable": "fail" },
    licenses: { deny: [], unknown: "allow" },
    capabilities: { deny: [], dependencies: { deny: [] }, allow: {} },
    "tool-text": { severity: "medium" },
    introspection: { failed: "warn", changed: "reject" },
    lockfile: { unpinned: "reject", missing: "reject", changes: "reject" },
    hygiene: { deprecated: "warn", "not-npm": "reject", "min-age-days": 0 },
    servers: { deny: [] },
    packages: { deny: [] },
    baseline: { existing: "warn" },
    suppressions: []
  };
  return merge(defaults, data);
}
function parsePackageRef(raw) {
  let s = raw.trim();
  if (s.startsWith("pkg:npm/")) {
    s = decodeURIComponent(s.slice("pkg:npm/".length));
  }
  const at = s.lastIndexOf("@");
  const name = at > 0 ? s.slice(0, at) : s;
  const range = at > 0 ? s.slice(at + 1) : void 0;
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return void 0;
  if (range !== void 0 && !import_semver.default.validRange(range)) return void 0;
  return { name, ...range ? { range } : {} };
}
function refMatches(ref, name, version) {
  if (ref.name !== name) return false;
  if (!ref.range) return true;
  return import_semver.default.satisfies(version, ref.range, { includePrerelease: true });
}
function resolvePolicy(c) {
  const ref = c.ref ?? (existsSync(join(c.cwd, ".mcp-vet.yml")) ? ".mcp-vet.yml" : "default");
  const loaded = loadPolicy(ref, c.cwd);
  const p = loaded.policy;
  if (c.failOn) {
    p["fail-on"] = c.failOn;
    p.vulnerabilities.severity = c.failOn;
    p["tool-text"].severity = c.failOn;
    loaded.files.push(`--fail-on ${c.failOn}`);
  }
  if (c.onUnavailable) {
    p.vulnerabilities["on-unavailable"] = c.onUnavailable;
    loaded.files.push(`--on-unavailable ${c.onUnavailable}`);
  }
  return loaded;
}

export {
  CAPABILITIES2 as CAPABILITIES,
  presetDir,
  presetNames,
  loadPolicy,
  parsePackageRef,
  refMatches,
  resolvePolicy
};
