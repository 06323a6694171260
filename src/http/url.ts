import { KeylessError } from '../errors.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/**
 * Parses a user- or server-supplied endpoint and refuses anything but https, except plain http on
 * loopback (local fakes, a sidecar STS). `what` names the endpoint in the error.
 */
export function parseEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KeylessError('INPUT_INVALID', `${what} "${value}" is not an absolute URL`, {
      hint: 'use the form https://host/path',
    });
  }
  assertSecure(url, what);
  return url;
}

export function assertSecure(url: URL, what: string): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url)) return;
  throw new KeylessError('HTTP_INSECURE_URL', `${what} ${url.origin} is not https`, {
    hint: 'credentials travel only over https; plain http is allowed on loopback (127.0.0.1, ::1, localhost) only',
  });
}
