/**
 * The reference the JSON pruner (src/registry/prune-json.ts) is checked against: `JSON.parse`'s
 * value with every member the schema does not keep deleted, in the same order, "__proto__"
 * members kept as own members (as JSON.parse makes them).
 * @param {unknown} value
 * @param {true | { members?: Record<string, unknown>, other?: unknown }} keep
 * @returns {unknown}
 */
export function pruneParsed(value, keep) {
  if (keep === true || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = keep.members && Object.hasOwn(keep.members, k) ? keep.members[k] : keep.other;
    if (sub === undefined) continue;
    Object.defineProperty(out, k, {
      value: pruneParsed(v, /** @type {any} */ (sub)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
