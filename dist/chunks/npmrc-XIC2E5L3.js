#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  loadNpmConfig,
  normalizeRegistryUrl,
  registryFor
} from "./chunk-VJI5B3FE.js";
import "./chunk-OI56ITB4.js";
import "./chunk-POUB5ADG.js";
export {
  DEFAULT_REGISTRY,
  loadNpmConfig,
  normalizeRegistryUrl,
  registryFor
};
