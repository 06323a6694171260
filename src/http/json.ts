import { KeylessError } from '../errors.js';
import type { HttpResponse } from './client.js';

/** The body as JSON, or a clear error when the server sent something else (an HTML login page, a proxy error). */
export function jsonBody(response: HttpResponse, what: string): unknown {
  const type = response.headers['content-type'] ?? '';
  if (!/^application\/(([\w.+-]+\+)?json\b|x-amz-json-1\.[01]\b)/i.test(type)) {
    throw new KeylessError(
      'HTTP_BAD_RESPONSE',
      `${what} answered HTTP ${response.status} with ${type === '' ? 'no content type' : type}, not JSON`,
      { hint: 'the URL probably points at a web page or a proxy, not at the token service' },
    );
  }
  try {
    return JSON.parse(response.body) as unknown;
  } catch (error) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered HTTP ${response.status} with malformed JSON`, {
      hint: 'the service is misbehaving; try again, or report it to its operator',
      cause: error,
    });
  }
}

/** JSON.parse that answers undefined instead of throwing: for error bodies, which may be anything. */
export function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Printable text from a server field: bounded, single-line, so a hostile body cannot flood the log. */
export function serverText(value: unknown, max = 300): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
