import type { Keep } from '../../src/registry/prune-json.js';
export function pruneParsed(value: unknown, keep: Keep): unknown;
