// spdx-expression-parse ships no types and @types/spdx-expression-parse is not a dependency; we only
// use it as a validator (it throws on anything that is not an SPDX license expression), so the parse
// tree is left as `unknown` instead of re-declaring its shape.
declare module 'spdx-expression-parse' {
  function parse(source: string): unknown;
  export = parse;
}
