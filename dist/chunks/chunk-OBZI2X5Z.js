#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/registry/http.ts
function redactUrl(raw) {
  try {
    const u = new URL(raw);
    if (u.username || u.password) {
      u.username = "***";
      u.password = "";
    }
    return u.toString();
  } catch {
    return raw.replace(/\/\/[^/@\s]+@/g, "//***@");
  }
}
function errorMessage(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\/\/[^/@\s]+@/g, "//***@");
}
function authKeyFor(url, registry) {
  try {
    const target = new URL(url);
    const reg = typeof registry === "string" ? new URL(registry) : null;
    if (reg && reg.host === target.host) return `//${reg.host}${reg.pathname.replace(/\/?$/, "/")}`;
    return `//${target.host}/`;
  } catch {
    return "//<registry-host>/";
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  redactUrl,
  errorMessage,
  authKeyFor,
  isRecord
};
