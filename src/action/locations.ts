/**
 * Where in the repository a server is declared, for SARIF results and annotations. Pure.
 *
 * In order:
 * 1. an explicit location (client-config discovery, issue 6, knows the exact config-file line);
 * 2. the first line of a file named by the `config` input that mentions the package name;
 * 3. the line of the lockfile that mentions it;
 * 4. the line of the workflow file (GITHUB_WORKFLOW_REF) that names it in the `package` input;
 * 5. otherwise the first line of the lockfile, else of the first config file, else no file.
 * A name matches as a whole token (`mcp-remote` does not match `mcp-remote-x`), quoted or bare,
 * optionally followed by `@version`.
 */

export interface ServerLocation {
  /** Repository-relative, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
}

export interface SourceFile {
  path: string;
  text: string;
  role: 'config' | 'lockfile' | 'workflow';
}

export function locateServers(
  names: string[],
  files: SourceFile[],
  explicit: Map<string, ServerLocation> = new Map(),
): Map<string, ServerLocation> {
  const out = new Map<string, ServerLocation>();
  const order: SourceFile['role'][] = ['config', 'lockfile', 'workflow'];
  for (const name of names) {
    const known = explicit.get(name);
    if (known) {
      out.set(name, known);
      continue;
    }
    const re = nameRegExp(name);
    found: for (const role of order) {
      for (const f of files.filter((x) => x.role === role)) {
        const lines = f.text.split(/\r?\n/);
        const i = lines.findIndex((l) => re.test(l));
        if (i >= 0) {
          out.set(name, { file: f.path, line: i + 1 });
          break found;
        }
      }
    }
    if (!out.has(name)) {
      const fallback = files.find((f) => f.role === 'lockfile') ?? files.find((f) => f.role === 'config');
      if (fallback) out.set(name, { file: fallback.path, line: 1 });
    }
  }
  return out;
}

function nameRegExp(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<![\\w@/.-])${escaped}(?![\\w/.-])`);
}

/** `owner/repo/.github/workflows/ci.yml@refs/heads/main` → `.github/workflows/ci.yml`. */
export function workflowPath(ref: string | undefined, repository: string | undefined): string | undefined {
  if (!ref || !repository) return undefined;
  const prefix = `${repository}/`;
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  const at = rest.lastIndexOf('@');
  const path = at > 0 ? rest.slice(0, at) : rest;
  return path.startsWith('.github/workflows/') && !path.includes('..') ? path : undefined;
}
