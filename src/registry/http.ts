/**
 * Shared helpers for talking about registry URLs in messages: never echo credentials, and name
 * the exact `.npmrc` key a token belongs under.
 */

/** Never echo credentials embedded in a URL (`https://user:pass@host/…`) into messages. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    return u.toString();
  } catch {
    return raw.replace(/\/\/[^/@\s]+@/g, '//***@');
  }
}

/**
 * Message text of a foreign error, with URL credentials masked: minipass-fetch's network errors
 * quote the full request URL ("request to https://user:pass@host/… failed").
 */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\/\/[^/@\s]+@/g, '//***@');
}

/**
 * The .npmrc key prefix that carries credentials for this URL: the configured registry's "nerf
 * dart" when the URL lives on the same host (so `//host/path/` registries are named right),
 * otherwise the URL's host root.
 */
export function authKeyFor(url: string, registry: unknown): string {
  try {
    const target = new URL(url);
    const reg = typeof registry === 'string' ? new URL(registry) : null;
    if (reg && reg.host === target.host) return `//${reg.host}${reg.pathname.replace(/\/?$/, '/')}`;
    return `//${target.host}/`;
  } catch {
    return '//<registry-host>/';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
