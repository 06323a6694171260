import { serverNameProblem } from '../config/env-names.js';
import { KeylessError } from '../errors.js';
import type { HttpClient, TlsOptions } from '../http/client.js';
import { isObject, serverText } from '../http/json.js';
import { MIN_SECRET_LENGTH, SecretSet } from '../runner/mask.js';
import { type JsonCall, jsonAnswer, sendJson } from './json-endpoint.js';
import type { SecretRead } from './types.js';
import type { Encoding, SecretPick, SecretRequest } from './vault-secrets-config.js';

// Reads an entry's secrets with its Vault token: one GET per distinct path, all at once; then each
// value is picked, decoded, checked and masked before anything else sees it. Nothing here logs: what to
// warn about comes back as notices, and no error names a value.

export interface SecretsContext {
  http: HttpClient;
  /** The Vault address, ending in `/`. */
  base: URL;
  /** X-Vault-Token, X-Vault-Namespace and the entry's extra headers. */
  headers: Record<string, string>;
  tls?: TlsOptions;
  /** The login's policies, for the hint of a refused read. */
  policies: string;
  ignoreNotFound: boolean;
  encoding?: Encoding;
  mask(secret: string): void;
}

export interface SecretsRead {
  /** Each value by its name (variable, and output after `<id>-`). */
  values: Record<string, string>;
  reads: SecretRead[];
  notices: string[];
}

/** At most this many values from wildcards: each becomes a variable of every later step. */
const MAX_VALUES = 100;

export async function readSecrets(requests: readonly SecretRequest[], ctx: SecretsContext): Promise<SecretsRead> {
  const paths = [...new Set(requests.map((r) => r.path))];
  const settled = await Promise.allSettled(paths.map((path) => fetchSecret(path, ctx)));
  const answers = new Map<string, Record<string, unknown> | undefined>();
  // The first failure in the order the paths were written, whichever came back first.
  for (const [i, result] of settled.entries()) {
    if (result.status === 'rejected') throw result.reason;
    answers.set(paths[i] ?? '', result.value);
  }
  const out: SecretsRead = { values: {}, reads: [], notices: [] };
  for (const request of requests) {
    const answer = answers.get(request.path);
    if (answer === undefined) {
      out.notices.push(`no secret at ${request.path} (HTTP 404): ${request.pick.kind === 'all' ? 'its keys were' : `${request.name} was`} not exported (ignore-not-found)`);
      continue;
    }
    for (const [key, raw] of picked(request, answer)) {
      const name = request.pick.kind === 'all' ? wildcardName(request, key) : request.name;
      const value = secretValue(raw, request, key, ctx);
      if (request.pick.kind === 'all') checkName(name, out.values, request.path);
      out.values[name] = value;
      out.reads.push({ path: request.path, key: request.pick.kind === 'all' ? (serverText(key, 100) ?? '') : label(request.pick), name });
      if (Object.keys(out.values).length > MAX_VALUES) {
        throw new KeylessError('EXCHANGE_FAILED', `the secrets of this entry make more than ${MAX_VALUES} variables`, { hint: 'list the keys you need instead of * or **' });
      }
    }
  }
  return out;
}

/** The answer for one path; undefined for a 404 when ignore-not-found allows it. */
async function fetchSecret(path: string, ctx: SecretsContext): Promise<Record<string, unknown> | undefined> {
  const url = new URL(`v1/${path.split('/').map(encodeURIComponent).join('/')}`, ctx.base);
  const call: JsonCall = {
    http: ctx.http,
    method: 'GET',
    url,
    what: 'Vault secret read',
    headers: ctx.headers,
    describe: (body) => (isObject(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : undefined),
    denied: [403],
    deniedHint: `the role's token policies (${ctx.policies || 'none'}) must grant read on ${path}: path "${path}" { capabilities = ["read"] } (a KV v2 policy names the data/ path)`,
    // 412: a performance standby that has not yet seen the token (Vault documents retrying it).
    retryOn: (response) => response.status === 412,
    ...(ctx.tls ? { tls: ctx.tls } : {}),
  };
  const response = await sendJson(call);
  if (response.status === 404) {
    if (ctx.ignoreNotFound) return undefined;
    throw new KeylessError('EXCHANGE_FAILED', `Vault has no secret at ${path} (HTTP 404 from ${url.origin}${url.pathname})`, {
      hint: 'check the path: a KV v2 secret is read at MOUNT/data/PATH (the "Secret Path" vault kv get prints); or set ignore-not-found: true to skip it',
    });
  }
  const { body } = jsonAnswer(call, response);
  if (!isObject(body.data)) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `Vault answered the read of ${path} without a data object`, { hint: 'the path is not a secret that can be read (a list or a write endpoint?); check it' });
  }
  return body;
}

/** KV v2 wraps the secret in `data.data` beside `data.metadata`; KV v1 and other engines answer it in `data`. */
function secretData(answer: Record<string, unknown>): Record<string, unknown> {
  const data = answer.data as Record<string, unknown>;
  return isObject(data.data) && isObject(data.metadata) ? data.data : data;
}

/** The values a request takes from an answer, with the key each came from. */
function picked(request: SecretRequest, answer: Record<string, unknown>): [string, unknown][] {
  const { pick } = request;
  if (pick.kind === 'all') return Object.entries(secretData(answer));
  const start = pick.kind === 'field' ? secretData(answer) : answer;
  let at: unknown = start;
  for (const step of pick.steps) {
    const next = Array.isArray(at) && /^\d+$/.test(step) ? (at as unknown[])[Number(step)] : isObject(at) && Object.hasOwn(at, step) ? at[step] : undefined;
    if (next === undefined || next === null) throw missingKey(request, at);
    at = next;
  }
  return [[label(pick), at]];
}

function missingKey(request: SecretRequest, at: unknown): KeylessError {
  // Key names are not values; the first few say what the secret holds, made printable.
  const keys = isObject(at) ? Object.keys(at).slice(0, 20).map((k) => serverText(k, 60) ?? '').join(', ') : '';
  return new KeylessError('EXCHANGE_FAILED', `the secret at ${request.path} has no ${request.pick.kind === 'select' ? 'value at' : 'key'} ${label(request.pick)}${keys ? ` (it has: ${keys})` : ''}`, {
    hint: request.pick.kind === 'select' ? 'select is a path from the top of the answer, e.g. data.data.password for KV v2' : 'check the key\'s spelling; use select for a value elsewhere in the answer',
  });
}

function label(pick: SecretPick): string {
  if (pick.kind === 'all') return pick.upper ? '*' : '**';
  return pick.kind === 'select' ? `select ${pick.steps.join('.')}` : pick.steps.join('.');
}

/** A wildcard's variable name for one key, as vault-action makes it. */
function wildcardName(request: SecretRequest, key: string): string {
  const part = key.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '');
  const name = `${request.name}${part}`;
  return request.pick.kind === 'all' && request.pick.upper ? name.toUpperCase() : name;
}

/** A name a wildcard made from the server's keys gets the checks config.ts gives a written one. */
function checkName(name: string, taken: Readonly<Record<string, string>>, path: string): void {
  const refusal = serverNameProblem(name) ?? (Object.keys(taken).some((other) => other.toUpperCase() === name.toUpperCase()) ? 'another secret of this entry has that name' : undefined);
  if (refusal === undefined && !/^(TOKEN|PRINCIPAL|VAULT_TOKEN|VAULT_ADDR|VAULT_NAMESPACE)$/i.test(name)) return;
  const shown = /^[A-Za-z0-9_]{1,128}$/.test(name) ? name : 'a name';
  throw new KeylessError('EXCHANGE_FAILED', `a key of the secret at ${path} makes the variable ${shown}, which cannot be exported: ${refusal ?? 'the entry sets it itself'}`, {
    hint: 'list the keys you need with their names instead of * or **, or give the request a name prefix of your own (name: APP_); or rename that key in Vault',
  });
}

/** The value as text: decoded, free of what a variable cannot hold, long enough to mask, and masked. */
function secretValue(raw: unknown, request: SecretRequest, key: string, ctx: SecretsContext): string {
  const what = `the value of ${request.pick.kind === 'all' ? `key ${serverText(key, 60) ?? ''}` : request.name} from ${request.path}`;
  const fail = (problem: string, hint: string) => new KeylessError('EXCHANGE_FAILED', `${what} ${problem}; it was not used`, { hint });
  // JSON values other than strings are handed out as their JSON text, as vault-action does.
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (!SecretSet.unmaskable(text)) ctx.mask(text);
  // A later step reads one field of that JSON (jq .password) and prints it: each string in it is a secret of its own.
  for (const leaf of typeof raw === 'string' ? [] : leafStrings(raw)) if (!SecretSet.unmaskable(leaf)) ctx.mask(leaf);
  const encoding = request.encoding ?? ctx.encoding;
  const value = typeof raw === 'string' && encoding !== undefined ? decode(text, encoding) : text;
  if (value === undefined) throw fail(`is not ${encoding ?? ''} text that decodes to UTF-8`, 'check secret-encoding-type (or the request\'s encoding) against how the value is stored');
  if (value.includes('\0')) throw fail('holds a NUL character, which no variable or output can', 'store it encoded (base64) and decode it in the step that uses it');
  if (SecretSet.unmaskable(value)) {
    throw fail(
      `is shorter than ${MIN_SECRET_LENGTH} characters, or has a line that short, so it cannot be masked in the log`,
      `store a value of ${MIN_SECRET_LENGTH} or more characters per line (a PEM key whose last line is short: store it base64-encoded on one line and decode it where it is used); a value that is not secret belongs in a repository variable`,
    );
  }
  ctx.mask(value);
  return value;
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(leafStrings) : [];
}

function decode(text: string, encoding: Encoding): string | undefined {
  if (encoding === 'utf8') return text;
  const compact = text.replace(/\s+/g, '');
  const valid = encoding === 'base64' ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) : /^(?:[0-9a-fA-F]{2})*$/.test(compact);
  if (!valid) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, encoding));
  } catch {
    return undefined;
  }
}
