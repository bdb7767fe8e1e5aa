#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/capabilities/types.ts
var CAPABILITIES = [
  "network",
  "shell",
  "fs-read",
  "fs-write",
  "env",
  "dynamic-code",
  "native-code",
  "install-scripts",
  "obfuscated",
  "urls",
  "sensitive-paths"
];
var EVIDENCE_CAP = 20;
var HOSTS_CAP = 100;

export {
  CAPABILITIES,
  EVIDENCE_CAP,
  HOSTS_CAP
};
