#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  DEFAULT_REGISTRY,
  loadNpmConfig,
  normalizeRegistryUrl,
  registryFor
} from "./chunk-HOGLSIB3.js";
import "./chunk-OI56ITB4.js";
import "./chunk-ESI7J6K4.js";
export {
  DEFAULT_REGISTRY,
  loadNpmConfig,
  normalizeRegistryUrl,
  registryFor
};
