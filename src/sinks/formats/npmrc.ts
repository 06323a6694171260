import { unwritable } from './refuse.js';

// npm reads .npmrc with the `ini` package and then expands it: a value in quotes is JSON-parsed, `;` and
// `#` start a comment, `${NAME}` is replaced by an environment variable, and a line break starts a new
// setting (`script-shell=…` runs on every npm script). A token may therefore hold none of those.

const KEY = /^\/\/[a-z0-9.-]+(:\d{1,5})?(\/[\w.~%@+-]*)*\/:_authToken$/;
const TOKEN = /^[\w.~+/=-]{1,4096}$/;

export const NPMRC_REGISTRY = 'an https:// URL whose path holds only [A-Za-z0-9_.~%@+-]';

/** Whether a registry URL can key a line of .npmrc: checked when the entry is read, before any request. */
export function npmrcAccepts(registry: URL): boolean {
  return KEY.test(authKey(registry));
}

function authKey(registry: URL): string {
  return `//${registry.host}${registry.pathname.replace(/\/?$/, '/')}:_authToken`;
}

/**
 * The `//host/path/:_authToken=TOKEN` line npm (and pnpm, Yarn 1) read for one registry.
 *
 * @example npmrcAuthToken(new URL('https://registry.npmjs.org/'), 'npm_…') // "//registry.npmjs.org/:_authToken=npm_…\n"
 */
export function npmrcAuthToken(registry: URL, token: string): string {
  const key = authKey(registry);
  if (!KEY.test(key)) throw unwritable('the registry URL', '.npmrc', NPMRC_REGISTRY);
  if (!TOKEN.test(token)) throw unwritable('the token', '.npmrc', 'at most 4096 characters of [A-Za-z0-9_.~+/=-]');
  return `${key}=${token}\n`;
}
