#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  parseOsvRecord
} from "./chunk-23J3AB3F.js";
import {
  limiter
} from "./chunk-PITBUEGV.js";
import {
  errorMessage,
  isRecord,
  redactUrl
} from "./chunk-OBZI2X5Z.js";
import {
  VetError
} from "./chunk-OI56ITB4.js";
import "./chunk-Z72EFVUK.js";
import "./chunk-ESI7J6K4.js";

// src/vuln/osv-api.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
var DEFAULT_OSV_URL = "https://api.osv.dev";
var BATCH_SIZE = 1e3;
var MAX_PAGES = 10;
var MAX_BATCH_BYTES = 32 * 1024 * 1024;
var MAX_RECORD_BYTES = 4 * 1024 * 1024;
var CACHE_FORMAT = 1;
var fetchImpl;
async function loadFetch() {
  fetchImpl ??= (await import("./lib-EAAT6CMY.js")).default;
  return fetchImpl;
}
var Retryable = class extends Error {
  constructor(message, retryAfterMs2) {
    super(message);
    this.retryAfterMs = retryAfterMs2;
  }
  retryAfterMs;
};
var OsvApiSource = class {
  kind = "osv-api";
  location;
  stats = {
    batchRequests: 0,
    pageRequests: 0,
    recordRequests: 0,
    recordCacheHits: 0,
    retries: 0
  };
  base;
  cacheDir;
  opts;
  fetchOptions;
  constructor(options = {}) {
    const url = options.url ?? DEFAULT_OSV_URL;
    try {
      const u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("not http(s)");
    } catch {
      throw new VetError(
        "E_USAGE",
        `--osv-url ${JSON.stringify(url)} is not an http(s) URL (e.g. ${DEFAULT_OSV_URL})`
      );
    }
    this.base = url.replace(/\/+$/, "");
    this.location = redactUrl(this.base);
    this.cacheDir = options.cacheDir ? join(options.cacheDir, "osv", "records") : void 0;
    this.opts = {
      timeoutMs: options.timeoutMs ?? 3e4,
      retries: options.retries ?? 3,
      minBackoffMs: options.minBackoffMs ?? 300,
      concurrency: options.concurrency ?? 8
    };
    const { retry: _r, cache: _c, ...rest } = options.fetchOptions ?? {};
    this.fetchOptions = rest;
  }
  async query(packages) {
    const ids = /* @__PURE__ */ new Map();
    const keys = packages.map((p) => `${p.name}@${p.version}`);
    for (let start = 0; start < packages.length; start += BATCH_SIZE) {
      const chunk = packages.slice(start, start + BATCH_SIZE);
      const results = await this.batch(
        chunk.map((p) => ({ package: { name: p.name, ecosystem: "npm" }, version: p.version }))
      );
      this.stats.batchRequests++;
      let pending = [];
      results.forEach((r, i) => {
        ids.set(keys[start + i], r.vulns);
        if (r.nextPageToken) pending.push({ index: i, token: r.nextPageToken });
      });
      for (let page = 1; pending.length; page++) {
        if (page > MAX_PAGES) {
          const names = pending.map((p) => keys[start + p.index]).slice(0, 5);
          throw new VetError(
            "E_VULN_SOURCE",
            `${this.location} kept paginating past ${MAX_PAGES} pages for ${names.join(", ")}; the results would be incomplete`
          );
        }
        const more = await this.batch(
          pending.map((p) => ({
            package: { name: chunk[p.index].name, ecosystem: "npm" },
            version: chunk[p.index].version,
            page_token: p.token
          }))
        );
        this.stats.pageRequests++;
        const next = [];
        more.forEach((r, j) => {
          const q = pending[j];
          ids.get(keys[start + q.index]).push(...r.vulns);
          if (r.nextPageToken) next.push({ index: q.index, token: r.nextPageToken });
        });
        pending = next;
      }
    }
    const wanted = /* @__PURE__ */ new Map();
    for (const hits of ids.values()) {
      for (const h of hits) {
        const prev = wanted.get(h.id);
        if (!wanted.has(h.id) || h.modified && (!prev || h.modified > prev)) wanted.set(h.id, h.modified);
      }
    }
    const limit = limiter(this.opts.concurrency);
    const records = /* @__PURE__ */ new Map();
    await Promise.all(
      [...wanted].map(
        ([id, modified]) => limit(async () => {
          records.set(id, await this.record(id, modified));
        })
      )
    );
    const out = { records: /* @__PURE__ */ new Map(), warnings: [] };
    for (const [key, hits] of ids) {
      const list = [];
      const seen = /* @__PURE__ */ new Set();
      for (const h of hits) {
        if (seen.has(h.id)) continue;
        seen.add(h.id);
        list.push(records.get(h.id));
      }
      if (list.length) out.records.set(key, list);
    }
    return out;
  }
  async batch(queries) {
    const url = `${this.base}/v1/querybatch`;
    const body = await this.request(url, "POST", { queries }, MAX_BATCH_BYTES);
    const where = `POST ${this.location}/v1/querybatch`;
    if (!isRecord(body) || !Array.isArray(body.results)) {
      throw garbage(where, 'the answer has no "results" array');
    }
    if (body.results.length !== queries.length) {
      throw garbage(where, `${queries.length} queries got ${body.results.length} results`);
    }
    return body.results.map((r, i) => {
      if (!isRecord(r)) throw garbage(where, `results[${i}] is not an object`);
      const vulns = r.vulns ?? [];
      if (!Array.isArray(vulns)) throw garbage(where, `results[${i}].vulns is not an array`);
      const list = vulns.map((v, j) => {
        if (!isRecord(v) || typeof v.id !== "string" || !/^[A-Za-z0-9][\w.:-]{0,127}$/.test(v.id)) {
          throw garbage(where, `results[${i}].vulns[${j}] has no valid "id"`);
        }
        return { id: v.id, modified: typeof v.modified === "string" ? v.modified : void 0 };
      });
      const token = r.next_page_token;
      if (token !== void 0 && token !== null && token !== "" && typeof token !== "string") {
        throw garbage(where, `results[${i}].next_page_token is not a string`);
      }
      return { vulns: list, nextPageToken: typeof token === "string" && token ? token : void 0 };
    });
  }
  async record(id, modified) {
    const file = this.cacheFile(id);
    if (file && modified) {
      try {
        const cached = JSON.parse(await readFile(file, "utf8"));
        if (cached.format === CACHE_FORMAT && cached.record.id === id && cached.record.modified === modified) {
          this.stats.recordCacheHits++;
          return cached.record;
        }
      } catch {
      }
    }
    const url = `${this.base}/v1/vulns/${encodeURIComponent(id)}`;
    const raw = await this.request(url, "GET", void 0, MAX_RECORD_BYTES);
    this.stats.recordRequests++;
    const record = parseOsvRecord(raw);
    if (typeof record === "string")
      throw garbage(`GET ${this.location}/v1/vulns/${id}`, `the record ${record}`);
    if (record.id !== id) {
      throw garbage(
        `GET ${this.location}/v1/vulns/${id}`,
        `asked for ${id}, got a record with id ${record.id}`
      );
    }
    if (file && record.modified) {
      try {
        await mkdir(join(file, ".."), { recursive: true });
        const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        await writeFile(tmp, JSON.stringify({ format: CACHE_FORMAT, record }));
        await rename(tmp, file);
      } catch {
      }
    }
    return record;
  }
  cacheFile(id) {
    if (!this.cacheDir) return void 0;
    const key = createHash("sha256").update(`${this.base}
${id}`).digest("hex");
    return join(this.cacheDir, key.slice(0, 2), `${key}.json`);
  }
  /** One HTTP exchange with retries; returns the parsed JSON body. */
  async request(url, method, body, maxBytes) {
    const fetch = await loadFetch();
    const where = `${method} ${redactUrl(url)}`;
    for (let attempt = 0; ; attempt++) {
      try {
        let res;
        try {
          res = await fetch(url, {
            ...this.fetchOptions,
            method,
            body,
            headers: { accept: "application/json" },
            retry: { retries: 0 },
            timeout: this.opts.timeoutMs
          });
        } catch (err) {
          const e = err;
          const status = e.statusCode;
          if (status === 404 && method === "GET") {
            throw new VetError(
              "E_VULN_SOURCE",
              `${where} answered 404: OSV listed this advisory for a package but has no record for it`
            );
          }
          if (status !== void 0 && status >= 400 && status < 500 && status !== 408 && status !== 429) {
            throw new VetError("E_VULN_SOURCE", `${where} answered ${status}; check --osv-url`, {
              cause: err
            });
          }
          throw new Retryable(
            status !== void 0 ? `HTTP ${status}` : e.code ?? errorMessage(err),
            status === 429 ? retryAfterMs(e.headers) : void 0
          );
        }
        const text = await readCapped(res.body, maxBytes, where);
        try {
          return JSON.parse(text);
        } catch {
          throw garbage(where, `the answer is not JSON (${JSON.stringify(text.slice(0, 60))}…)`);
        }
      } catch (err) {
        if (!(err instanceof Retryable)) throw err;
        if (attempt >= this.opts.retries) {
          throw new VetError(
            "E_VULN_SOURCE",
            `${where} did not answer usefully after ${attempt + 1} tries (${err.message})`,
            { cause: err }
          );
        }
        this.stats.retries++;
        const backoff = Math.min(this.opts.minBackoffMs * 2 ** attempt, 4e3);
        await new Promise((r) => setTimeout(r, Math.max(backoff, Math.min(err.retryAfterMs ?? 0, 1e4))));
      }
    }
  }
};
function garbage(where, problem) {
  return new VetError(
    "E_VULN_SOURCE",
    `${where}: ${problem}; the vulnerability source sent an invalid answer`
  );
}
function retryAfterMs(headers) {
  let v;
  if (headers && typeof headers.get === "function") {
    v = headers.get("retry-after");
  } else if (isRecord(headers)) v = headers["retry-after"];
  const s = Array.isArray(v) ? v[0] : v;
  const n = typeof s === "string" ? Number(s) : NaN;
  return Number.isFinite(n) && n >= 0 ? n * 1e3 : void 0;
}
async function readCapped(body, maxBytes, where) {
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        body.destroy?.();
        throw new VetError(
          "E_VULN_SOURCE",
          `${where}: the answer is larger than ${maxBytes / 1024 / 1024} MiB, far more than an honest one; refusing it`
        );
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof VetError) throw err;
    throw new Retryable(errorMessage(err));
  }
  return Buffer.concat(chunks).toString("utf8");
}
export {
  BATCH_SIZE,
  DEFAULT_OSV_URL,
  MAX_PAGES,
  OsvApiSource
};
