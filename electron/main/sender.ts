/**
 * Which URLs count as "the app itself". Pure (no electron import) so the rules that guard IPC and
 * navigation are unit-tested without an Electron binary.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const APP_PREFIX = `${APP_ORIGIN}/`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a document served by our own app:// protocol. The raw prefix test alone would
 * accept nothing unexpected today, but the parsed check also refuses credentials and ports, so a
 * change to the prefix can never open the door to `app://workbench@evil/` or the like.
 */
export function isTrustedSenderUrl(url: string): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_PREFIX)) return false;
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * The single page the window may navigate to. The renderer routes in the fragment or in memory,
 * so any other navigation (a dropped link, a compromised script) is refused.
 */
export function isAppIndexUrl(url: string): boolean {
  if (!isTrustedSenderUrl(url)) return false;
  const u = parse(url);
  return u !== null && (u.pathname === '/index.html' || u.pathname === '/');
}
