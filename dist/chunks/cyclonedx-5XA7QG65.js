#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  SPEC_VERSIONS,
  buildSbom,
  hashesFromIntegrity,
  normalizeRepositoryUrl,
  npmPurl,
  splitNameGroup
} from "./chunk-5ZILHT4K.js";
import "./chunk-OZXAZC2R.js";
import "./chunk-OI56ITB4.js";
import "./chunk-ESI7J6K4.js";
export {
  SPEC_VERSIONS,
  buildSbom,
  hashesFromIntegrity,
  normalizeRepositoryUrl,
  npmPurl,
  splitNameGroup
};
