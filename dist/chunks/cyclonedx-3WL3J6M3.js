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
} from "./chunk-I7LSGA6V.js";
import "./chunk-PQWV3PW6.js";
import "./chunk-POUB5ADG.js";
export {
  SPEC_VERSIONS,
  buildSbom,
  hashesFromIntegrity,
  normalizeRepositoryUrl,
  npmPurl,
  splitNameGroup
};
