/**
 * One error base class for everything mcp-vet reports to a user.
 *
 * Every error carries a literal `code` (stable, documented, greppable) and is mapped to a
 * process exit code only at the edge (`cli/main.ts`, `action/main.ts`). Messages are written
 * for people: they name the package, file or field, and say what to do about it.
 */
export type ErrorCode =
  // usage / input (exit 2)
  | 'E_USAGE'
  | 'E_SPEC'
  | 'E_NPMRC'
  | 'E_NOT_FOUND'
  | 'E_NO_MATCH'
  | 'E_PACKUMENT'
  | 'E_INTEGRITY'
  | 'E_TARBALL'
  | 'E_TARBALL_LIMIT'
  | 'E_SHRINKWRAP'
  | 'E_AUTH'
  | 'E_LOCK'
  // external service unavailable (exit 3)
  | 'E_REGISTRY_UNAVAILABLE'
  | 'E_VULN_SOURCE'
  // bug
  | 'E_INTERNAL';

export class VetError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VetError';
    this.code = code;
  }
}

/** Exit codes of the CLI contract: 0 approve, 1 reject, 2 usage/input error, 3 service unavailable. */
export const EXIT = { approve: 0, reject: 1, input: 2, unavailable: 3 } as const;

export function exitCodeFor(err: unknown): number {
  if (err instanceof VetError) {
    if (err.code === 'E_REGISTRY_UNAVAILABLE' || err.code === 'E_VULN_SOURCE') return EXIT.unavailable;
    if (err.code === 'E_INTERNAL') return EXIT.input;
    return EXIT.input;
  }
  return EXIT.input;
}

/** Turns anything thrown (including non-Error values) into a one-line message. */
export function describeError(err: unknown): string {
  if (err instanceof VetError) return `${err.code}: ${err.message}`;
  if (err instanceof Error) return err.message;
  return String(err);
}
