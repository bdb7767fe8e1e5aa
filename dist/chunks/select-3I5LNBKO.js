#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  makeVulnSource
} from "./chunk-6GK4XVLG.js";
import "./chunk-OI56ITB4.js";
import "./chunk-ESI7J6K4.js";
export {
  makeVulnSource
};
