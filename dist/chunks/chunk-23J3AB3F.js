#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  isRecord
} from "./chunk-OBZI2X5Z.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/vuln/osv.ts
var import_semver = __toESM(require_semver(), 1);
function parseOsvRecord(raw) {
  if (!isRecord(raw)) return "is not a JSON object";
  if (typeof raw.id !== "string" || !raw.id) return 'has no "id" string';
  const r = raw;
  const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : void 0;
  return {
    id: r.id,
    modified: typeof r.modified === "string" ? r.modified : void 0,
    published: typeof r.published === "string" ? r.published : void 0,
    withdrawn: typeof r.withdrawn === "string" ? r.withdrawn : void 0,
    aliases: strings(r.aliases),
    related: strings(r.related),
    summary: typeof r.summary === "string" ? r.summary : void 0,
    details: typeof r.details === "string" ? r.details : void 0,
    severity: Array.isArray(r.severity) ? r.severity.filter((s) => isRecord(s) && typeof s.type === "string" && typeof s.score === "string") : void 0,
    affected: Array.isArray(r.affected) ? r.affected.filter(isRecord) : void 0,
    references: Array.isArray(r.references) ? r.references.filter(isRecord) : void 0,
    database_specific: isRecord(r.database_specific) ? r.database_specific : void 0
  };
}
function npmPackagesOf(record) {
  const names = /* @__PURE__ */ new Set();
  for (const a of record.affected ?? []) {
    if (isNpm(a) && typeof a.package?.name === "string") names.add(a.package.name);
  }
  return [...names];
}
function isNpm(a) {
  return isRecord(a.package) && a.package.ecosystem === "npm";
}
function matchRecord(record, name, version) {
  const out = { affected: false, fixed: [], lastAffected: [] };
  const uncertain = [];
  const fixed = /* @__PURE__ */ new Set();
  const lastAffected = /* @__PURE__ */ new Set();
  const v = import_semver.default.valid(version);
  for (const a of record.affected ?? []) {
    if (!isNpm(a) || a.package?.name !== name) continue;
    if (Array.isArray(a.versions) && a.versions.includes(version)) out.affected = true;
    for (const range of Array.isArray(a.ranges) ? a.ranges : []) {
      if (!isRecord(range) || range.type !== "SEMVER" && range.type !== "ECOSYSTEM") {
        continue;
      }
      const events = Array.isArray(range.events) ? range.events.filter(isRecord) : [];
      for (const e of events) {
        if (typeof e.fixed === "string" && import_semver.default.valid(e.fixed)) fixed.add(e.fixed);
        if (typeof e.last_affected === "string" && import_semver.default.valid(e.last_affected))
          lastAffected.add(e.last_affected);
      }
      if (!v) {
        uncertain.push(`the installed version "${version}" is not SemVer, so ranges can't be compared`);
        out.affected = true;
        continue;
      }
      const r = evaluateRange(events, v);
      if (r.problems.length) uncertain.push(...r.problems);
      if (r.affected) out.affected = true;
    }
  }
  out.fixed = [...fixed].sort(import_semver.default.compare);
  out.lastAffected = [...lastAffected].sort(import_semver.default.compare);
  if (uncertain.length) out.uncertain = [...new Set(uncertain)];
  return out;
}
var KINDS = ["introduced", "fixed", "last_affected", "limit"];
function evaluateRange(rawEvents, version) {
  const problems = [];
  const events = [];
  const limits = [];
  let badIntroduced = false;
  for (const e of rawEvents) {
    for (const kind of KINDS) {
      const val = e[kind];
      if (val === void 0) continue;
      if (typeof val !== "string") {
        problems.push(`a "${kind}" event is not a string`);
        if (kind === "introduced") badIntroduced = true;
        continue;
      }
      if (kind === "introduced" && val === "0") {
        events.push({ kind, at: null });
        continue;
      }
      const parsed = import_semver.default.valid(val);
      if (!parsed) {
        problems.push(`the "${kind}" version "${val}" is not a valid version`);
        if (kind === "introduced") badIntroduced = true;
        continue;
      }
      if (kind === "limit") limits.push(parsed);
      else events.push({ kind, at: parsed });
    }
  }
  if (badIntroduced) return { affected: true, problems };
  if (limits.length && !limits.some((l) => import_semver.default.lt(version, l))) return { affected: false, problems };
  events.sort((x, y) => x.at === null ? -1 : y.at === null ? 1 : import_semver.default.compare(x.at, y.at));
  let affected = false;
  for (const e of events) {
    if (e.kind === "introduced") {
      if (e.at === null || import_semver.default.gte(version, e.at)) affected = true;
    } else if (e.kind === "fixed") {
      if (import_semver.default.gte(version, e.at)) affected = false;
    } else if (e.kind === "last_affected") {
      if (import_semver.default.gt(version, e.at)) affected = false;
    }
  }
  if (!affected) problems.length = 0;
  return { affected, problems };
}

export {
  parseOsvRecord,
  npmPackagesOf,
  matchRecord
};
