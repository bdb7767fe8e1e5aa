#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  CAPABILITIES,
  loadPolicy,
  parsePackageRef,
  presetDir,
  presetNames,
  refMatches,
  resolvePolicy
} from "./chunk-BK2N4HQ4.js";
import "./chunk-OZXAZC2R.js";
import "./chunk-FM5PDPI3.js";
import "./chunk-ESWZZSX2.js";
import "./chunk-OI56ITB4.js";
import "./chunk-Z72EFVUK.js";
import "./chunk-ESI7J6K4.js";
export {
  CAPABILITIES,
  loadPolicy,
  parsePackageRef,
  presetDir,
  presetNames,
  refMatches,
  resolvePolicy
};
