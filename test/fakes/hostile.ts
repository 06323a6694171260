import type { JWTPayload } from 'jose';
import type { Answer, ResponseFilter } from './http-fake.js';

// A hostile server: any fake's answers rewritten so that every string a client might print, write to a
// file or hand to the runner carries text that would do harm if it reached a log line, an environment
// file or a config file unescaped. The payload families are combined into one value per field, so one
// run covers them all; the long string gets a run of its own (it would hide the others behind truncation).

/** One payload per family; each would be a workflow command, a new file record or a new config key if passed through. */
export const PAYLOADS = {
  lf: '\n::warning::hostile-lf',
  cr: '\r::set-output name=hostile::cr',
  crlf: '\r\n::save-state name=hostile::crlf',
  lineSeparator: '\u2028::error::hostile-ls\u2029::notice::hostile-ps',
  nel: '\u0085::add-path::/hostile/nel',
  verticalTab: '\v::debug::hostile-vt\f::group::hostile-ff',
  percent: '%0A::set-env name=HOSTILE::pct%0D%0A::stop-commands::hostile',
  legacy: ' ##[set-env name=HOSTILE;]legacy',
  ansi: '\u001b[2K\u001b[1A\u001b]8;;https://evil.example\u0007',
  bidi: '\u202e\u2066hostile',
  ini: '\n[hostile]\naws_access_key_id = AKIAHOSTILE\n; # = ]',
  npmrc: '\n//evil.example/:_authToken=hostile\nregistry=https://evil.example/',
  toml: '"\n[registries.hostile]\ntoken = "hostile',
  json: '","hostile":"x',
  heredoc: '\nghadelimiter_hostile\nHOSTILE<<EOF\nx\nEOF',
  // A line that is only a command, after a break: what a runner would act on.
  stop: '\n::stop-commands::hostile\n',
} as const;

export const COMBINED = Object.values(PAYLOADS).join('');
/** Leads the value: whitespace then a command, for a value printed at the start of a line. */
export const LEAD = '\t ::notice::hostile-lead ';
/** Long enough to pass any display cap many times over; well under the client's 1 MiB response cap with several fields. */
export const LONG = `${'A'.repeat(60_000)}${COMBINED}`;

/** Header values cannot hold CR, LF or characters above U+00FF: the payloads a header can carry. */
export const HEADER_PAYLOAD = ' ::warning::hostile-header %0A::set-output name=h::x \u0085::error::nel ##[x] ; # = [h]';

export type Poison = (value: string) => string;

export const poisons = {
  /** Leads and trails the value with every payload family. */
  combined: (value: string) => `${LEAD}${value}${COMBINED}`,
  /** Keeps the value's start (a code a client switches on), and trails it with every payload family. */
  trailing: (value: string) => `${value}${COMBINED}`,
  /** Every family first (a display cap must not hide them), then the long string. */
  display: (value: string) => `${LEAD}${value}${COMBINED}${LONG}`,
} satisfies Record<string, Poison>;

/** Which strings of a JSON document to poison: by the key that holds them (array items by their array's key). */
export type KeyFilter = (key: string) => boolean;

/** Every string under a key the filter accepts, poisoned; other values untouched. Keys stay as they are. */
export function poisonJson(value: unknown, poison: Poison, accept: KeyFilter = () => true, key = ''): unknown {
  if (typeof value === 'string') return accept(key) ? poison(value) : value;
  if (Array.isArray(value)) return value.map((item) => poisonJson(item, poison, accept, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisonJson(v, poison, accept, k)]));
  }
  return value;
}

/** The strings of a JSON document under keys the filter accepts, for the leak scanner. */
export function stringsUnder(value: unknown, accept: KeyFilter, key = ''): string[] {
  if (typeof value === 'string') return accept(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => stringsUnder(item, accept, key));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringsUnder(v, accept, k));
  return [];
}

function isJson(answer: Answer): boolean {
  return /json/i.test(answer.headers['content-type'] ?? '');
}

function isXml(answer: Answer): boolean {
  return /xml/i.test(answer.headers['content-type'] ?? '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * An XML document (AWS's query API answers) with the text of every leaf element whose name the filter
 * accepts poisoned, escaped so the document stays well-formed: a client must still read it as XML.
 */
export function poisonXml(text: string, poison: Poison, accept: KeyFilter = () => true, found?: (name: string, value: string) => void): string {
  return text.replace(/<([A-Za-z][\w.-]*)>([^<]*)<\/\1>/g, (whole, name: string, inner: string) => {
    if (!accept(name)) return whole;
    const poisoned = poison(inner.replace(/&(lt|gt|amp|quot|apos);/g, (_, entity: string) => XML_ESCAPES[entity] ?? ''));
    found?.(name, poisoned);
    return `<${name}>${poisoned.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${name}>`;
  });
}

/** The content type kept valid (a client must still take it as JSON), with a hostile parameter. */
function hostileHeaders(answer: Answer): Answer['headers'] {
  const type = answer.headers['content-type'];
  return {
    ...answer.headers,
    ...(type === undefined ? {} : { 'content-type': `${type}; charset=utf-8; hostile="${HEADER_PAYLOAD.replace(/"/g, '')}"` }),
    'x-request-id': HEADER_PAYLOAD,
    'www-authenticate': `Bearer realm="${HEADER_PAYLOAD.replace(/"/g, '')}"`,
  };
}

export interface Poisoning {
  /** Requests whose answer is rewritten, as `METHOD /path`; all when absent. */
  route?: RegExp;
  poison: Poison;
  accept?: KeyFilter;
  /** Called with every poisoned string that was a secret, so the leak scan looks for it too. */
  secrets?: { accept: KeyFilter; found: (value: string) => void };
}

/** Poisons the strings of a route's own answers (success or error), JSON or text, and its headers. */
export function poisonAnswers(options: Poisoning): ResponseFilter {
  return (answer, req) => {
    if (options.route && !options.route.test(`${req.method} ${req.path}`)) return answer;
    if (answer.body === '') return { ...answer, headers: hostileHeaders(answer) };
    let body = answer.body;
    if (isJson(answer)) {
      const poisoned = poisonJson(JSON.parse(answer.body) as unknown, options.poison, options.accept);
      if (options.secrets) for (const secret of stringsUnder(poisoned, options.secrets.accept)) options.secrets.found(secret);
      body = JSON.stringify(poisoned);
    } else if (isXml(answer)) {
      const { secrets } = options;
      body = poisonXml(answer.body, options.poison, options.accept, (name, value) => {
        if (secrets?.accept(name)) secrets.found(value);
      });
    } else if (options.accept === undefined) {
      body = options.poison(answer.body);
    }
    return { ...answer, headers: hostileHeaders(answer), body };
  };
}

export interface HostileError {
  route?: RegExp;
  status: number;
  /** The provider's documented error body (JSON), an XML document, or a text body. */
  body: unknown;
  poison: Poison;
  /** Keys whose strings stay intact (an error code the client classifies by). */
  keep?: KeyFilter;
}

/**
 * Replaces a route's answer with the provider's error answer, every string in it poisoned. A 5xx says
 * `Retry-After: 0`, so the client's retries cost no backoff.
 */
export function answerWithError(options: HostileError): ResponseFilter {
  return (answer, req) => {
    if (options.route && !options.route.test(`${req.method} ${req.path}`)) return answer;
    const text = typeof options.body === 'string';
    // A string that is an XML document (AWS's query API errors) is poisoned element by element, like JSON.
    const xml = text && (options.body as string).startsWith('<');
    const keep = (key: string) => !(options.keep?.(key) ?? false);
    const body = xml
      ? poisonXml(options.body as string, options.poison, keep)
      : text
        ? options.poison(options.body as string)
        : JSON.stringify(poisonJson(options.body, options.poison, keep));
    const headers = hostileHeaders({ ...answer, headers: { 'content-type': xml ? 'text/xml' : text ? 'text/plain' : 'application/json' } });
    return { status: options.status, headers: { ...headers, ...(options.status >= 500 ? { 'retry-after': '0' } : {}) }, body };
  };
}

/** The runner's claims with the named ones poisoned (every string claim when none are named): the JWT stays validly signed. */
export function hostileClaims(claims: JWTPayload, poison: Poison, names?: readonly string[]): JWTPayload {
  const poisoned = Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, typeof v === 'string' && (names?.includes(k) ?? true) ? poison(v) : v]));
  for (const name of names ?? []) poisoned[name] ??= poison('');
  return poisoned;
}
