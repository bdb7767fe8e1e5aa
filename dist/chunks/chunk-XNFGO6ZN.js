#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  isRecord
} from "./chunk-OBZI2X5Z.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";

// src/registry/packument.ts
function fail(name, where, problem) {
  throw new VetError(
    "E_PACKUMENT",
    `malformed packument for ${name}: ${where} ${problem}; the registry sent invalid metadata (check the registry or mirror)`
  );
}
function depMap(name, where, v) {
  if (v === void 0 || v === null || Array.isArray(v) && v.length === 0) return void 0;
  if (!isRecord(v)) fail(name, where, "is not an object");
  let empty = true;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (typeof v[k] !== "string") fail(name, `${where}.${k}`, "is not a string");
    empty = false;
  }
  return empty ? void 0 : v;
}
function stringList(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) {
    const list = v.filter((x) => typeof x === "string");
    return list.length ? list : void 0;
  }
  return void 0;
}
function shasumToIntegrity(shasum) {
  return `sha1-${Buffer.from(shasum, "hex").toString("base64")}`;
}
function normalizeManifest(pkgName, version, raw) {
  const where = `versions["${version}"]`;
  if (!isRecord(raw)) fail(pkgName, where, "is not an object");
  const dist = raw.dist;
  if (!isRecord(dist)) fail(pkgName, `${where}.dist`, "is missing");
  if (typeof dist.tarball !== "string" || !dist.tarball) fail(pkgName, `${where}.dist.tarball`, "is missing");
  let integrity;
  if (typeof dist.integrity === "string" && /^(sha512|sha384|sha256|sha1)-/.test(dist.integrity)) {
    integrity = dist.integrity;
  } else if (typeof dist.shasum === "string" && /^[0-9a-f]{40}$/i.test(dist.shasum)) {
    integrity = shasumToIntegrity(dist.shasum);
  } else {
    fail(pkgName, `${where}.dist.integrity`, "is missing or not an SRI string (and there is no dist.shasum)");
  }
  const m = { name: pkgName, version, dist: { tarball: dist.tarball, integrity } };
  const deps = depMap(pkgName, `${where}.dependencies`, raw.dependencies);
  if (deps) m.dependencies = deps;
  const opt = depMap(pkgName, `${where}.optionalDependencies`, raw.optionalDependencies);
  if (opt) m.optionalDependencies = opt;
  const peer = depMap(pkgName, `${where}.peerDependencies`, raw.peerDependencies);
  if (peer) m.peerDependencies = peer;
  if (isRecord(raw.peerDependenciesMeta)) {
    const meta = {};
    for (const [k, v] of Object.entries(raw.peerDependenciesMeta)) {
      if (isRecord(v) && v.optional === true) meta[k] = { optional: true };
    }
    if (Object.keys(meta).length) m.peerDependenciesMeta = meta;
  }
  const bundleRaw = raw.bundleDependencies ?? raw.bundledDependencies;
  if (bundleRaw === true) {
    const all = Object.keys(deps ?? {});
    if (all.length) m.bundleDependencies = all;
  } else {
    const list = stringList(bundleRaw);
    if (list) m.bundleDependencies = list;
  }
  const os = stringList(raw.os);
  if (os) m.os = os;
  const cpu = stringList(raw.cpu);
  if (cpu) m.cpu = cpu;
  const libc = stringList(raw.libc);
  if (libc) m.libc = libc;
  if (isRecord(raw.engines)) {
    const e = {};
    if (typeof raw.engines.node === "string") e.node = raw.engines.node;
    if (typeof raw.engines.npm === "string") e.npm = raw.engines.npm;
    if (e.node || e.npm) m.engines = e;
  }
  if (typeof raw.deprecated === "string" && raw.deprecated) m.deprecated = raw.deprecated;
  if (raw.hasInstallScript === true) m.hasInstallScript = true;
  else if (isRecord(raw.scripts)) {
    const s = raw.scripts;
    if (s.preinstall || s.install || s.postinstall) m.hasInstallScript = true;
  }
  if (raw._hasShrinkwrap === true) m.hasShrinkwrap = true;
  return m;
}
var PACKUMENT_FIELDS = {
  members: {
    "dist-tags": true,
    time: true,
    versions: {
      other: {
        members: {
          dist: true,
          dependencies: true,
          optionalDependencies: true,
          peerDependencies: true,
          peerDependenciesMeta: true,
          bundleDependencies: true,
          bundledDependencies: true,
          os: true,
          cpu: true,
          libc: true,
          engines: true,
          deprecated: true,
          hasInstallScript: true,
          _hasShrinkwrap: true,
          scripts: { members: { preinstall: true, install: true, postinstall: true } }
        }
      }
    }
  }
};
function normalizePackument(name, raw) {
  if (!isRecord(raw)) fail(name, "the document", "is not a JSON object");
  if (!isRecord(raw.versions)) fail(name, '"versions"', "is missing or not an object");
  const distTags = {};
  if (raw["dist-tags"] !== void 0) {
    if (!isRecord(raw["dist-tags"])) fail(name, '"dist-tags"', "is not an object");
    for (const [tag, v] of Object.entries(raw["dist-tags"])) if (typeof v === "string") distTags[tag] = v;
  }
  const versions = {};
  for (const [v, m] of Object.entries(raw.versions)) {
    try {
      versions[v] = normalizeManifest(name, v, m);
    } catch (err) {
      if (!(err instanceof VetError)) throw err;
      versions[v] = { name, version: v, dist: { tarball: "", integrity: "" }, invalid: err.message };
    }
  }
  let time;
  if (isRecord(raw.time)) {
    for (const [v, t] of Object.entries(raw.time)) {
      if (typeof t === "string" && versions[v]) (time ??= {})[v] = t;
    }
  }
  return { name, distTags, versions, ...time ? { time } : {} };
}

// src/registry/platform.ts
function currentPlatform() {
  const p = { os: process.platform, cpu: process.arch };
  if (process.platform === "linux") {
    let libc;
    Object.defineProperty(p, "libc", {
      enumerable: true,
      get: () => {
        if (libc === void 0) {
          const report = process.report?.getReport();
          libc = report?.header?.glibcVersionRuntime ? "glibc" : "musl";
        }
        return libc;
      }
    });
  }
  return p;
}

export {
  normalizeManifest,
  PACKUMENT_FIELDS,
  normalizePackument,
  currentPlatform
};
