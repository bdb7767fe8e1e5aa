#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  applySuppressions,
  isExpired,
  loadPolicyFile,
  parsePolicy
} from "./chunk-2G3PDGGM.js";
import "./chunk-OI56ITB4.js";
import "./chunk-POUB5ADG.js";
export {
  applySuppressions,
  isExpired,
  loadPolicyFile,
  parsePolicy
};
