import { envNameProblem } from '../config/env-names.js';
import { describe, type FieldReader } from '../config/fields.js';

// A Vault entry's `secrets`: a list of mappings {path, key | select, name?, encoding?}, or the lines of
// hashicorp/vault-action (`PATH SELECTOR [| NAME]`, separated by `;` or line breaks) as a string or as list
// items, so a migrating workflow keeps its block as it is. Every request is checked here, before any
// network call; what a request becomes at run time is in vault-secrets.ts.

export const ENCODINGS = ['base64', 'hex', 'utf8'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Which value of an answer a request takes. */
export type SecretPick =
  /** A field of the secret: under `data.data` in a KV v2 answer, else under `data` (KV v1, other engines); nested by steps. */
  | { kind: 'field'; steps: readonly string[] }
  /** A path into the whole answer, as `vault read -format=json` shows it (`data.data.password`, `data.ca_chain.0`). */
  | { kind: 'select'; steps: readonly string[] }
  /** Every field of the secret, each named `name` + its key (upper-cased for `*`, as written for `**`). */
  | { kind: 'all'; upper: boolean };

export interface SecretRequest {
  /** The API path after `/v1/`, as in a Vault policy: `secret/data/ci` for a KV v2 secret. */
  path: string;
  pick: SecretPick;
  /** The variable, and the output after `<id>-`; for `kind: all`, the prefix of each. */
  name: string;
  encoding?: Encoding;
}

/** At most this many requests per entry: one variable each, and Vault reads run concurrently. */
const MAX_REQUESTS = 100;
const SEGMENT = /^[A-Za-z0-9_.@+=,:~-]{1,200}$/;
const STEP = /^[A-Za-z0-9_@:+~-]{1,200}$/;
const QUOTED = /^(["`])([^"`]{1,200})\1$/;
const PREFIX = /^([A-Za-z_][A-Za-z0-9_]{0,100})?$/;
/** Names an entry already gives its own outputs and variables (`<id>-token`, `<id>-principal`, VAULT_TOKEN, …). */
const TAKEN = new Set(['TOKEN', 'PRINCIPAL', 'VAULT_TOKEN', 'VAULT_ADDR', 'VAULT_NAMESPACE']);

/** The API path without a leading `/`, or undefined when a segment is empty, `.`, `..` or holds what a URL path would not keep. */
export function secretPath(text: string): string | undefined {
  const path = text.replace(/^\//, '');
  const segments = path.split('/');
  return segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..') ? path : undefined;
}

/** vault-action's default name for a selector: dots become `__`, anything but letters, digits and `_` goes, upper-cased. */
export function defaultName(selector: string): string {
  return selector.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '').toUpperCase();
}

/** A peer line, or why it is not one. Never quotes the line: a secret pasted in the wrong place would reach the log. */
export function parsePeerLine(line: string): SecretRequest | string {
  const bar = line.lastIndexOf('|');
  const spec = (bar < 0 ? line : line.slice(0, bar)).trim();
  const named = bar < 0 ? undefined : line.slice(bar + 1).trim();
  if (named === '') return 'has "|" with no name after it; write PATH KEY | NAME';
  const parts = spec.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 2) return `is not PATH KEY [| NAME] (it has ${parts.length} word(s) before the name)`;
  const [rawPath = '', selector = ''] = parts;
  const path = secretPath(rawPath);
  if (path === undefined) return 'has a path that is not segments of letters, digits and _.@+=,:~- separated by /';
  if (selector === '*' || selector === '**') return { path, pick: { kind: 'all', upper: selector === '*' }, name: named ?? '' };
  const quoted = QUOTED.exec(selector)?.[2];
  const steps = quoted === undefined ? selector.split('.') : [quoted];
  if (!steps.every((step) => quoted !== undefined || STEP.test(step))) {
    return 'has a selector that is neither a key nor a dotted path of keys: Keyless does not evaluate JSONata expressions; use select: in a mapping for a value deeper in the answer';
  }
  return { path, pick: { kind: 'field', steps }, name: named ?? defaultName(quoted ?? selector) };
}

/** Splits the peer's `secrets` text into its requests. */
export function peerLines(text: string): string[] {
  return text.split(/[;\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
}

/** The `secrets` key: undefined when absent, else the requests (reported problems leave theirs out). */
export function readSecretRequests(fields: FieldReader): SecretRequest[] | undefined {
  const raw = fields.value('secrets');
  if (raw === undefined) return undefined;
  const requests: SecretRequest[] = [];
  const add = (request: SecretRequest | undefined, report: (message: string) => void) => {
    if (request === undefined) return;
    const problem = nameProblem(request, requests);
    if (problem === undefined) requests.push(request);
    else report(problem);
  };
  if (typeof raw === 'string') {
    const lines = peerLines(raw);
    if (lines.length === 0) fields.report('secrets', 'is empty; give PATH KEY [| NAME] lines, or a list');
    lines.forEach((line, i) => {
      const parsed = parsePeerLine(line);
      const report = (message: string) => { fields.report('secrets', `request ${i + 1} ${message}`); };
      if (typeof parsed === 'string') report(parsed);
      else add(parsed, report);
    });
  } else if (Array.isArray(raw) && raw.length > 0) {
    raw.forEach((item: unknown, i) => {
      const reader = fields.item('secrets', i, typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {});
      const report = (message: string) => { reader.report(undefined, message); };
      if (typeof item === 'string') {
        const lines = peerLines(item);
        if (lines.length === 0) report('is empty; write PATH KEY [| NAME]');
        lines.forEach((line, n) => {
          const parsed = parsePeerLine(line);
          const at = (message: string) => { report(lines.length > 1 ? `request ${n + 1} ${message}` : message); };
          if (typeof parsed === 'string') at(parsed);
          else add(parsed, at);
        });
      } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
        add(readMapping(reader), report);
      } else {
        report(`must be a mapping {path, key, name} or a line PATH KEY [| NAME], not ${describe(item)}`);
      }
    });
  } else {
    fields.report('secrets', `must be a non-empty list, or vault-action's PATH KEY [| NAME] lines, not ${describe(raw)}`);
  }
  if (requests.length > MAX_REQUESTS) fields.report('secrets', `has ${requests.length} requests; at most ${MAX_REQUESTS} per entry`);
  return requests;
}

function readMapping(item: FieldReader): SecretRequest | undefined {
  const rawPath = item.string('path', { required: true, expected: 'the API path after /v1/, e.g. secret/data/ci' });
  const key = item.string('key', { expected: 'a key of the secret, * or **' });
  const select = item.string('select', { pattern: /^[A-Za-z0-9_@:+~-]{1,200}(\.[A-Za-z0-9_@:+~-]{1,200}){0,20}$/, expected: 'a dotted path into the answer, e.g. data.data.password' });
  const name = item.string('name', { expected: 'a variable name' });
  const encodingText = item.string('encoding', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` });
  item.finish();
  if (key !== undefined && select !== undefined) item.report('select', 'cannot be given with key: key picks a field of the secret, select a path in the whole answer');
  if (key === undefined && select === undefined && !item.has('key') && !item.has('select')) item.report(undefined, 'needs key (a field of the secret) or select (a path in the answer)');
  const path = rawPath === undefined ? undefined : secretPath(rawPath);
  if (rawPath !== undefined && path === undefined) item.report('path', 'is not segments of letters, digits and _.@+=,:~- separated by /');
  if (path === undefined || (key === undefined) === (select === undefined)) return undefined;
  const encoding = encodingText as Encoding | undefined;
  return { path, ...(encoding ? { encoding } : {}), ...picking(key, select, name) };
}

/** What a mapping's key or select takes, and the name it goes by: given, or vault-action's default. */
function picking(key: string | undefined, select: string | undefined, name: string | undefined): Pick<SecretRequest, 'pick' | 'name'> {
  if (key === '*' || key === '**') return { pick: { kind: 'all', upper: key === '*' }, name: name ?? '' };
  if (key !== undefined) return { pick: { kind: 'field', steps: [key] }, name: name ?? defaultName(key) };
  const steps = (select ?? '').split('.');
  return { pick: { kind: 'select', steps }, name: name ?? defaultName(steps.at(-1) ?? '') };
}

/** Why a request's name cannot be used: its form, a variable later steps depend on, or a name already taken. */
export function nameProblem(request: SecretRequest, earlier: readonly SecretRequest[]): string | undefined {
  const { name } = request;
  if (request.pick.kind === 'all') {
    return PREFIX.test(name) ? undefined : 'has a name prefix that is not letters, digits and _ (not starting with a digit)';
  }
  if (name === '') return 'makes no variable name from its key; give one (name:, or | NAME)';
  const refusal = envNameProblem(name);
  if (refusal !== undefined) return `may not be named ${ENV_SAFE.test(name) ? name : 'so'}: ${refusal}`;
  if (TAKEN.has(name.toUpperCase())) return `may not be named ${name}: the entry sets ${name.toUpperCase() === 'TOKEN' || name.toUpperCase() === 'PRINCIPAL' ? `the output <id>-${name.toLowerCase()}` : 'that variable'} itself`;
  const same = earlier.find((other) => other.pick.kind !== 'all' && other.name.toUpperCase() === name.toUpperCase());
  // Step outputs are read case-insensitively, so names that differ only in case would be one output.
  if (same !== undefined) return `is named ${name}, as an earlier request is${same.name === name ? '' : ' (in another case)'}; give each its own name`;
  return undefined;
}

const ENV_SAFE = /^[A-Za-z0-9_]{1,128}$/;
