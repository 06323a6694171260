import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { HEADER_NAME, HEADER_VALUE, PEM_TEXT } from '../http/headers.js';
import { isObject } from '../http/json.js';
import { isLoopback } from '../http/url.js';
import type { RevokeHandle } from '../providers/types.js';
import type { Env, Runner } from './runner.js';

/** What the post step must undo. Saved one item at a time, as soon as there is something to undo. */
export type CleanupItem =
  | { kind: 'revoke'; provider: string; id: string; handle: RevokeHandle; expiresAt?: string }
  | { kind: 'revoke-none'; provider: string; id: string; expiresAt?: string; reason?: string }
  | { kind: 'path'; path: string }
  /** A CLI session to sign out of before its folder is deleted (az: AZURE_CONFIG_DIR; azps: the user's Az PowerShell context). */
  | { kind: 'session'; tool: 'az' | 'azps'; id: string; path?: string }
  /** The audit record main wrote, with the SHA-256 of its bytes: post adds the cleanup only to that file. */
  | { kind: 'audit'; path: string; sha256: string }
  | { kind: 'settings'; strictCleanup: boolean };

const PREFIX = 'keyless_';
const KEY = `${PREFIX}key`;

// Step state is not private to this action: an earlier step can export `STATE_keyless_…` through
// GITHUB_ENV, and post receives it beside main's own. The runner lets main's saved names win, so main saves
// a random key first and signs every later item with it: an item post did not see signed is not main's.
// Each item's content is checked as well, since signing proves origin, not sense.

/** Where what must be undone is recorded the moment it exists: the step's state (CleanupLog), or `keyless exec`'s memory. */
export interface CleanupRecorder {
  record(item: CleanupItem): void;
}

/**
 * Appends each item to GITHUB_STATE the moment it exists, so a main step that dies half way still leaves
 * the post step a complete list of what to revoke and delete. Constructing it saves the signing key, so
 * it must come before anything main could leave behind.
 */
export class CleanupLog implements CleanupRecorder {
  #next = 0;
  readonly #key = randomBytes(32);

  constructor(private readonly runner: Runner) {
    runner.saveState(KEY, this.#key.toString('hex'));
  }

  record(item: CleanupItem): void {
    const name = `${PREFIX}${String(this.#next++).padStart(3, '0')}`;
    const json = JSON.stringify(item);
    this.runner.saveState(name, `${sign(this.#key, name, json)}.${json}`);
  }
}

function sign(key: Buffer, name: string, json: string): string {
  return createHmac('sha256', key).update(`${name}\n${json}`).digest('hex');
}

export interface SavedItems {
  items: CleanupItem[];
  /** State entries named like Keyless's that main did not write, or that do not hold a valid item. */
  ignored: number;
}

/** The items main saved, in the order it saved them; anything main did not sign, or that makes no sense, is ignored. */
export function readCleanupItems(env: Env): SavedItems {
  const names = Object.keys(env).filter((name) => name.startsWith(`STATE_${PREFIX}`) && name !== `STATE_${KEY}`);
  const keyHex = env[`STATE_${KEY}`] ?? '';
  const key = /^[0-9a-f]{64}$/.test(keyHex) ? Buffer.from(keyHex, 'hex') : undefined;
  const items: CleanupItem[] = [];
  for (const name of names.sort()) {
    const item = key === undefined ? undefined : verified(key, name.slice('STATE_'.length), env[name] ?? '');
    if (item !== undefined) items.push(item);
  }
  return { items, ignored: names.length - items.length };
}

function verified(key: Buffer, name: string, value: string): CleanupItem | undefined {
  const dot = value.indexOf('.');
  const mac = Buffer.from(value.slice(0, dot), 'hex');
  const json = value.slice(dot + 1);
  const expected = Buffer.from(sign(key, name, json), 'hex');
  if (dot !== 64 || mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
  try {
    return parseItem(JSON.parse(json));
  } catch {
    return undefined;
  }
}

const TEXT = /^[^\p{Cc}\u2028\u2029]{1,300}$/u;
const SECRET = /^[\x21-\x7e]{8,16384}$/;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function absolutePath(path: unknown): path is string {
  return typeof path === 'string' && isAbsolute(path) && !path.includes('\0');
}

function isDigest(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function parseItem(raw: unknown): CleanupItem | undefined {
  if (!isObject(raw)) return undefined;
  const optional = (key: string, pattern: RegExp) => (raw[key] === undefined ? {} : typeof raw[key] === 'string' && pattern.test(raw[key]) ? { [key]: raw[key] } : undefined);
  switch (raw.kind) {
    case 'settings':
      return typeof raw.strictCleanup === 'boolean' ? { kind: 'settings', strictCleanup: raw.strictCleanup } : undefined;
    case 'path':
      return absolutePath(raw.path) ? { kind: 'path', path: raw.path } : undefined;
    case 'audit':
      return absolutePath(raw.path) && isDigest(raw.sha256) ? { kind: 'audit', path: raw.path, sha256: raw.sha256 } : undefined;
    case 'session':
      return parseSession(raw);
    case 'revoke':
    case 'revoke-none': {
      const expiresAt = optional('expiresAt', ISO);
      if (typeof raw.provider !== 'string' || !NAME.test(raw.provider) || typeof raw.id !== 'string' || !NAME.test(raw.id) || !expiresAt) return undefined;
      const base = { provider: raw.provider, id: raw.id, ...expiresAt };
      if (raw.kind === 'revoke-none') {
        const reason = optional('reason', TEXT);
        return reason ? { kind: 'revoke-none', ...base, ...reason } : undefined;
      }
      const handle = parseHandle(raw.handle);
      return handle ? { kind: 'revoke', ...base, handle } : undefined;
    }
    default:
      return undefined;
  }
}

/** az's session names its folder; Az PowerShell's lives in the user's profile and names none. */
function parseSession(raw: Record<string, unknown>): CleanupItem | undefined {
  if ((raw.tool !== 'az' && raw.tool !== 'azps') || typeof raw.id !== 'string' || !NAME.test(raw.id)) return undefined;
  if (raw.path === undefined) return raw.tool === 'azps' ? { kind: 'session', tool: raw.tool, id: raw.id } : undefined;
  return absolutePath(raw.path) ? { kind: 'session', tool: raw.tool, id: raw.id, path: raw.path } : undefined;
}

/** A revocation handle as every provider's revoke() expects it: an https (or loopback) URL without userinfo, and token-shaped secrets. */
export function parseHandle(raw: unknown): RevokeHandle | undefined {
  if (!isObject(raw) || typeof raw.endpoint !== 'string' || typeof raw.token !== 'string' || !SECRET.test(raw.token)) return undefined;
  let url: URL;
  try {
    url = new URL(raw.endpoint);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
  if (!secure || url.username !== '' || url.password !== '') return undefined;
  const fields = { refresh: SECRET, clientId: TEXT, namespace: /^[\w-]+(\/[\w-]+)*\/?$/ } as const;
  const handle: RevokeHandle = { endpoint: url.href, token: raw.token };
  for (const [key, pattern] of Object.entries(fields)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !pattern.test(value)) return undefined;
    Object.assign(handle, { [key]: value });
  }
  return withTransport(handle, raw);
}

/** A handle's TLS material and gateway headers, each checked as strictly as when main read it from the entry. */
function withTransport(handle: RevokeHandle, raw: Record<string, unknown>): RevokeHandle | undefined {
  if (raw.tls !== undefined) {
    if (!isObject(raw.tls)) return undefined;
    const tls: NonNullable<RevokeHandle['tls']> = {};
    for (const [key, value] of Object.entries(raw.tls)) {
      if ((key !== 'ca' && key !== 'cert' && key !== 'key') || typeof value !== 'string' || !PEM_TEXT.test(value)) return undefined;
      tls[key] = value;
    }
    handle.tls = tls;
  }
  if (raw.headers !== undefined) {
    if (!isObject(raw.headers)) return undefined;
    const entries = Object.entries(raw.headers);
    if (entries.length > 32 || entries.some(([name, value]) => !HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value))) return undefined;
    handle.headers = Object.fromEntries(entries) as Record<string, string>;
  }
  return handle;
}
