#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  makeVulnSource
} from "./chunk-ZP27VTZH.js";
import "./chunk-OI56ITB4.js";
import "./chunk-POUB5ADG.js";
export {
  makeVulnSource
};
