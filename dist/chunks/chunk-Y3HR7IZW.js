#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  evaluate
} from "./chunk-HUTMZPLH.js";
import {
  loadPolicy
} from "./chunk-BK2N4HQ4.js";

// src/pipeline/decide.ts
function decide(servers, toolVersion, opts = {}) {
  const loaded = opts.policy ?? loadPolicy("default", process.cwd());
  const { decision, reasons } = evaluate(servers, loaded.policy, opts.now ?? /* @__PURE__ */ new Date());
  return {
    schemaVersion: 1,
    tool: { name: "mcp-vet", version: toolVersion },
    decision,
    failOn: loaded.policy["fail-on"],
    policy: { files: loaded.files, ...loaded.preset ? { preset: loaded.preset } : {} },
    reasons,
    servers
  };
}

export {
  decide
};
