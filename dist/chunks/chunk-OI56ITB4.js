#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/errors.ts
var VetError = class extends Error {
  code;
  constructor(code, message, options) {
    super(message, options);
    this.name = "VetError";
    this.code = code;
  }
};
var EXIT = { approve: 0, reject: 1, input: 2, unavailable: 3 };
function exitCodeFor(err) {
  if (err instanceof VetError) {
    if (err.code === "E_REGISTRY_UNAVAILABLE" || err.code === "E_VULN_SOURCE") return EXIT.unavailable;
    if (err.code === "E_INTERNAL") return EXIT.input;
    return EXIT.input;
  }
  return EXIT.input;
}
function describeError(err) {
  if (err instanceof VetError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}

export {
  VetError,
  EXIT,
  exitCodeFor,
  describeError
};
