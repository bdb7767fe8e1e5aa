/**
 * Shared types of the capability analysis: what the code of a package can do, with evidence.
 */

/** Every capability, in the order reports list them. */
export const CAPABILITIES = [
  'network',
  'shell',
  'fs-read',
  'fs-write',
  'env',
  'dynamic-code',
  'native-code',
  'install-scripts',
  'obfuscated',
  'urls',
  'sensitive-paths',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** One place in the code that gives a package a capability. */
export interface Evidence {
  /** Relative to the package folder, `/`-separated. */
  file: string;
  /** 1-based; 0 when the evidence is the file itself (a `.node` binary, `binding.gyp`). */
  line: number;
  /** What was used: `fs.writeFileSync`, `process.env.HOME`, `eval`, `https://api.example.com/`… */
  api: string;
}

/** A hit inside one file (the file is implied). */
export interface Hit {
  cap: Capability;
  line: number;
  api: string;
  /** For `env`: the variable name, or `*` when it is computed or the whole environment escapes. */
  name?: string;
}

export type FileProblemKind = 'syntax' | 'too-large' | 'binary' | 'too-deep';

export interface FileProblem {
  file: string;
  kind: FileProblemKind;
  detail: string;
}

export interface CapabilityEvidence {
  /** The first evidence items in (file, line, api) order; at most EVIDENCE_CAP of them. */
  evidence: Evidence[];
  /** How many places were found in all (≥ evidence.length). */
  count: number;
}

/** What one package (a tarball, or a bundled package inside one) can do. */
export interface PackageCapabilities {
  /** JavaScript files analysed and their total size in bytes. */
  files: number;
  bytes: number;
  capabilities: Partial<Record<Capability, CapabilityEvidence>>;
  /** Literal environment variable names read (sorted); `*` when some name is computed. */
  envNames: string[];
  /** Distinct hosts of hard-coded URLs and IP literals (sorted). */
  hosts: string[];
  /** Files that could not be analysed, sorted by file. */
  problems: FileProblem[];
}

export const EVIDENCE_CAP = 20;
export const HOSTS_CAP = 100;
