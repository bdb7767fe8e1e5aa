/**
 * Picks the vulnerability source from the user's choices, the same way for the CLI and the
 * action: an offline database when one is named, else the OSV API. Loads only the one it uses.
 */
import { VetError } from '../errors.js';
import type { VulnSource } from './source.js';

export interface SourceChoice {
  osvUrl?: string;
  osvDb?: string;
  cacheDir: string;
  /** npm-registry-fetch options (proxy, TLS) for the API. */
  fetchOptions?: Record<string, unknown>;
  timeoutMs?: number;
  /** Names the two options in messages: `--osv-url`/`--osv-db` or the action's inputs. */
  names?: { url: string; db: string };
}

export async function makeVulnSource(c: SourceChoice): Promise<VulnSource> {
  const names = c.names ?? { url: '--osv-url', db: '--osv-db' };
  if (c.osvUrl && c.osvDb) {
    throw new VetError('E_USAGE', `${names.url} and ${names.db} are two sources for the same check; set one`);
  }
  if (c.osvDb) {
    const { OsvDbSource } = await import('./osv-db.js');
    return new OsvDbSource(c.osvDb, { cacheDir: c.cacheDir });
  }
  const { OsvApiSource } = await import('./osv-api.js');
  return new OsvApiSource({
    url: c.osvUrl,
    cacheDir: c.cacheDir,
    fetchOptions: c.fetchOptions,
    ...(c.timeoutMs && c.timeoutMs > 0 ? { timeoutMs: c.timeoutMs } : {}),
  });
}
