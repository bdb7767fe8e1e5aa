#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  VetError
} from "./chunk-OI56ITB4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-ESI7J6K4.js";

// node_modules/ini/lib/ini.js
var require_ini = __commonJS({
  "node_modules/ini/lib/ini.js"(exports, module) {
    var { hasOwnProperty } = Object.prototype;
    var encode = (obj, opt = {}) => {
      if (typeof opt === "string") {
        opt = { section: opt };
      }
      opt.align = opt.align === true;
      opt.newline = opt.newline === true;
      opt.sort = opt.sort === true;
      opt.whitespace = opt.whitespace === true || opt.align === true;
      opt.platform = opt.platform || typeof process !== "undefined" && process.platform;
      opt.bracketedArray = opt.bracketedArray !== false;
      const eol = opt.platform === "win32" ? "\r\n" : "\n";
      const separator = opt.whitespace ? " = " : "=";
      const children = [];
      const keys = opt.sort ? Object.keys(obj).sort() : Object.keys(obj);
      let padToChars = 0;
      if (opt.align) {
        padToChars = safe(
          keys.filter((k) => obj[k] === null || Array.isArray(obj[k]) || typeof obj[k] !== "object").map((k) => Array.isArray(obj[k]) ? `${k}[]` : k).concat([""]).reduce((a, b) => safe(a).length >= safe(b).length ? a : b)
        ).length;
      }
      let out = "";
      const arraySuffix = opt.bracketedArray ? "[]" : "";
      for (const k of keys) {
        const val = obj[k];
        if (val && Array.isArray(val)) {
          for (const item of val) {
            out += safe(`${k}${arraySuffix}`).padEnd(padToChars, " ") + separator + safe(item) + eol;
          }
        } else if (val && typeof val === "object") {
          children.push(k);
        } else {
          out += safe(k).padEnd(padToChars, " ") + separator + safe(val) + eol;
        }
      }
      if (opt.section && out.length) {
        out = "[" + safe(opt.section) + "]" + (opt.newline ? eol + eol : eol) + out;
      }
      for (const k of children) {
        const nk = splitSections(k, ".").join("\\.");
        const section = (opt.section ? opt.section + "." : "") + nk;
        const child = encode(obj[k], {
          ...opt,
          section
        });
        if (out.length && child.length) {
          out += eol;
        }
        out += child;
      }
      return out;
    };
    function splitSections(str, separator) {
      var lastMatchIndex = 0;
      var lastSeparatorIndex = 0;
      var nextIndex = 0;
      var sections = [];
      do {
        nextIndex = str.indexOf(separator, lastMatchIndex);
        if (nextIndex !== -1) {
          lastMatchIndex = nextIndex + separator.length;
          if (nextIndex > 0 && str[nextIndex - 1] === "\\") {
            continue;
          }
          sections.push(str.slice(lastSeparatorIndex, nextIndex));
          lastSeparatorIndex = nextIndex + separator.length;
        }
      } while (nextIndex !== -1);
      sections.push(str.slice(lastSeparatorIndex));
      return sections;
    }
    var decode = (str, opt = {}) => {
      opt.bracketedArray = opt.bracketedArray !== false;
      const out = /* @__PURE__ */ Object.create(null);
      let p = out;
      let section = null;
      const re = /^\[([^\]]*)\]\s*$|^([^=]+)(=(.*))?$/i;
      const lines = str.split(/[\r\n]+/g);
      const duplicates = {};
      for (const line of lines) {
        if (!line || line.match(/^\s*[;#]/) || line.match(/^\s*$/)) {
          continue;
        }
        const match = line.match(re);
        if (!match) {
          continue;
        }
        if (match[1] !== void 0) {
          section = unsafe(match[1]);
          if (section === "__proto__") {
            p = /* @__PURE__ */ Object.create(null);
            continue;
          }
          p = out[section] = out[section] || /* @__PURE__ */ Object.create(null);
          continue;
        }
        const keyRaw = unsafe(match[2]);
        let isArray;
        if (opt.bracketedArray) {
          isArray = keyRaw.length > 2 && keyRaw.slice(-2) === "[]";
        } else {
          duplicates[keyRaw] = (duplicates?.[keyRaw] || 0) + 1;
          isArray = duplicates[keyRaw] > 1;
        }
        const key = isArray && keyRaw.endsWith("[]") ? keyRaw.slice(0, -2) : keyRaw;
        if (key === "__proto__") {
          continue;
        }
        const valueRaw = match[3] ? unsafe(match[4]) : true;
        const value = valueRaw === "true" || valueRaw === "false" || valueRaw === "null" ? JSON.parse(valueRaw) : valueRaw;
        if (isArray) {
          if (!hasOwnProperty.call(p, key)) {
            p[key] = [];
          } else if (!Array.isArray(p[key])) {
            p[key] = [p[key]];
          }
        }
        if (Array.isArray(p[key])) {
          p[key].push(value);
        } else {
          p[key] = value;
        }
      }
      const remove = [];
      for (const k of Object.keys(out)) {
        if (!hasOwnProperty.call(out, k) || typeof out[k] !== "object" || Array.isArray(out[k])) {
          continue;
        }
        const parts = splitSections(k, ".");
        p = out;
        const l = parts.pop();
        const nl = l.replace(/\\\./g, ".");
        for (const part of parts) {
          if (part === "__proto__") {
            continue;
          }
          if (!hasOwnProperty.call(p, part) || typeof p[part] !== "object") {
            p[part] = /* @__PURE__ */ Object.create(null);
          }
          p = p[part];
        }
        if (p === out && nl === l) {
          continue;
        }
        p[nl] = out[k];
        remove.push(k);
      }
      for (const del of remove) {
        delete out[del];
      }
      return out;
    };
    var isQuoted = (val) => {
      return val.startsWith('"') && val.endsWith('"') || val.startsWith("'") && val.endsWith("'");
    };
    var safe = (val) => {
      if (typeof val !== "string" || val.match(/[=\r\n]/) || val.match(/^\[/) || val.length > 1 && isQuoted(val) || val !== val.trim()) {
        return JSON.stringify(val);
      }
      return val.split(";").join("\\;").split("#").join("\\#");
    };
    var unsafe = (val) => {
      val = (val || "").trim();
      if (isQuoted(val)) {
        if (val.charAt(0) === "'") {
          val = val.slice(1, -1);
        }
        try {
          val = JSON.parse(val);
        } catch {
        }
      } else {
        let esc = false;
        let unesc = "";
        for (let i = 0, l = val.length; i < l; i++) {
          const c = val.charAt(i);
          if (esc) {
            if ("\\;#".indexOf(c) !== -1) {
              unesc += c;
            } else {
              unesc += "\\" + c;
            }
            esc = false;
          } else if (";#".indexOf(c) !== -1) {
            break;
          } else if (c === "\\") {
            esc = true;
          } else {
            unesc += c;
          }
        }
        if (esc) {
          unesc += "\\";
        }
        return unesc.trim();
      }
      return val;
    };
    module.exports = {
      parse: decode,
      decode,
      stringify: encode,
      encode,
      safe,
      unsafe
    };
  }
});

// src/registry/npmrc.ts
var import_ini = __toESM(require_ini(), 1);
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
var DEFAULT_REGISTRY = "https://registry.npmjs.org/";
var KEY_ALIASES = {
  "strict-ssl": "strictSSL",
  "https-proxy": "httpsProxy",
  noproxy: "noProxy",
  "no-proxy": "noProxy",
  "fetch-retries": "retry.retries",
  "fetch-retry-mintimeout": "retry.minTimeout",
  "fetch-retry-maxtimeout": "retry.maxTimeout",
  "fetch-timeout": "timeout",
  "user-agent": "userAgent",
  "max-sockets": "maxSockets"
};
function normalizeRegistryUrl(url, where) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new VetError(
      "E_NPMRC",
      `${where}: registry "${url}" is not a URL; use e.g. https://registry.npmjs.org/`
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new VetError("E_NPMRC", `${where}: registry "${url}" must be an http(s) URL`);
  }
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}
function expandEnv(value, env, where) {
  return value.replace(/(\\*)\$\{([^${}]+)\}/g, (whole, slashes, name) => {
    if (slashes.length % 2 === 1) return whole.slice(1);
    const v = env[name];
    if (v === void 0) {
      throw new VetError(
        "E_NPMRC",
        `${where}: \${${name}} is not set in the environment; export it or remove the line`
      );
    }
    return slashes.slice(slashes.length / 2) + v;
  });
}
function readIniFile(file, env) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT" || err.code === "EISDIR")
      return null;
    throw new VetError("E_NPMRC", `cannot read ${file}: ${err.message}`, { cause: err });
  }
  const raw = (0, import_ini.parse)(text);
  const out = {};
  for (const [k, v] of Object.entries(raw)) {
    const key = expandEnv(k, env, `${file} (key ${k})`);
    out[key] = typeof v === "string" ? expandEnv(v, env, `${file} (${k})`) : v;
  }
  return out;
}
function setOption(target, key, value) {
  const alias = KEY_ALIASES[key] ?? key;
  if (alias.startsWith("retry.")) {
    const retry = target.retry ?? {};
    retry[alias.slice(6)] = Number(value);
    target.retry = retry;
    return;
  }
  if (alias === "strictSSL") {
    target.strictSSL = value !== false && value !== "false";
    return;
  }
  if (alias === "timeout" || alias === "maxSockets") {
    target[alias] = Number(value);
    return;
  }
  target[alias] = value;
}
function loadNpmConfig(sources = {}) {
  const env = sources.env ?? process.env;
  const projectDir = resolve(sources.projectDir ?? process.cwd());
  const userconfig = sources.userconfig ?? env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(homedir(), ".npmrc");
  const globalconfig = env.NPM_CONFIG_GLOBALCONFIG ?? env.npm_config_globalconfig;
  const candidates = [globalconfig, userconfig, join(projectDir, ".npmrc")].filter(
    (f) => typeof f === "string" && f.length > 0
  );
  const merged = {};
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  for (const file of candidates) {
    const abs = resolve(file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const data = readIniFile(abs, env);
    if (!data) continue;
    files.unshift(abs);
    for (const [k, v] of Object.entries(data)) setOption(merged, k, v);
  }
  for (const [k, v] of Object.entries(env)) {
    const m = /^npm_config_(.+)$/i.exec(k);
    if (!m || v === void 0 || !m[1]) continue;
    const key = m[1].toLowerCase();
    if (key === "userconfig" || key === "globalconfig" || key === "cache") continue;
    if (key === "registry" || key.includes(":") || key.startsWith("//")) setOption(merged, key, v);
    else if (key.replace(/_/g, "-") in KEY_ALIASES) setOption(merged, key.replace(/_/g, "-"), v);
  }
  let registry = DEFAULT_REGISTRY;
  if (typeof merged.registry === "string")
    registry = normalizeRegistryUrl(merged.registry, files[0] ?? ".npmrc");
  if (sources.registryOverride) registry = normalizeRegistryUrl(sources.registryOverride, "--registry");
  const fetchOptions = {};
  for (const [k, v] of Object.entries(merged)) {
    if (k === "registry") continue;
    if (/^@[^:]+:registry$/.test(k) && typeof v === "string") {
      fetchOptions[k] = normalizeRegistryUrl(v, `.npmrc key ${k}`);
      continue;
    }
    fetchOptions[k] = v;
  }
  fetchOptions.registry = registry;
  return { registry, fetchOptions, files };
}
function registryFor(name, config) {
  if (name.startsWith("@")) {
    const scope = name.slice(0, name.indexOf("/"));
    const scoped = config.fetchOptions[`${scope}:registry`];
    if (typeof scoped === "string") return scoped;
  }
  return config.registry;
}

export {
  DEFAULT_REGISTRY,
  normalizeRegistryUrl,
  loadNpmConfig,
  registryFor
};
