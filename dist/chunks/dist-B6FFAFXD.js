#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-ESWZZSX2.js";
import "./chunk-ESI7J6K4.js";
export default require_dist();
