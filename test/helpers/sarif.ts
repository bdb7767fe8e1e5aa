/**
 * A validator for the official OASIS SARIF 2.1.0 schema, vendored in test/fixtures/sarif (see
 * PROVENANCE.md there).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

function withInlineFlags(pattern: string, flags: string): RegExp {
  return pattern.startsWith('^(?i)')
    ? new RegExp(pattern.replace('(?i)', ''), `${flags}i`)
    : new RegExp(pattern, flags);
}
withInlineFlags.code = 'new RegExp';

export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(resolve(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv2020({
    allErrors: true,
    // the official file has a known slip (region.properties.anyOf is an array): do not meta-validate it
    strict: false,
    validateSchema: false,
    // two patterns use the inline flag (?i), which JavaScript spells as the `i` flag
    code: { regExp: withInlineFlags },
  });
  // a CommonJS module: its function is both module.exports and .default
  formats.default(ajv);
  return ajv.compile(schema);
}
