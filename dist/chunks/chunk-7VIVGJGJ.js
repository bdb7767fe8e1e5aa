#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);

// src/model.ts
var SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
function bundleOwner(byLoc, p) {
  let loc = p.location;
  for (; ; ) {
    const i = loc.lastIndexOf("/node_modules/");
    if (i < 0) return void 0;
    loc = loc.slice(0, i);
    const owner = byLoc.get(loc);
    if (owner && !owner.bundled) return owner;
  }
}

export {
  SEVERITY_RANK,
  bundleOwner
};
