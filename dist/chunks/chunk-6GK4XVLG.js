#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  VetError
} from "./chunk-OI56ITB4.js";

// src/vuln/select.ts
async function makeVulnSource(c) {
  const names = c.names ?? { url: "--osv-url", db: "--osv-db" };
  if (c.osvUrl && c.osvDb) {
    throw new VetError("E_USAGE", `${names.url} and ${names.db} are two sources for the same check; set one`);
  }
  if (c.osvDb) {
    const { OsvDbSource } = await import("./osv-db-LWEUXYXA.js");
    return new OsvDbSource(c.osvDb, { cacheDir: c.cacheDir });
  }
  const { OsvApiSource } = await import("./osv-api-KF46QNHI.js");
  return new OsvApiSource({
    url: c.osvUrl,
    cacheDir: c.cacheDir,
    fetchOptions: c.fetchOptions,
    ...c.timeoutMs && c.timeoutMs > 0 ? { timeoutMs: c.timeoutMs } : {}
  });
}

export {
  makeVulnSource
};
