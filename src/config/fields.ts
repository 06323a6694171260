import { KeylessError } from '../errors.js';
import { parseEndpoint } from '../http/url.js';
import { parseDuration } from './duration.js';
import { ENV_NAME, envNameRefusal } from './env-names.js';
import { closest, type Problems } from './problems.js';
import type { LoadedYaml } from './yaml.js';

/**
 * Reads the keys of one YAML mapping, each with its expected form, reporting every bad or missing value
 * to `problems`. A key nobody read is unknown: `finish()` reports it, with the nearest known key.
 */
export class FieldReader {
  readonly #known = new Set<string>();

  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    /** Human path of the mapping, e.g. `credentials[0]`. */
    readonly at: string,
    private readonly path: readonly (string | number)[],
    private readonly yaml: LoadedYaml | undefined,
    readonly problems: Problems,
  ) {}

  /** The keys read so far: after the provider's read(), every key it knows. */
  get known(): readonly string[] {
    return [...this.#known];
  }

  report(key: string | undefined, message: string): void {
    const at = key === undefined ? this.at : `${this.at}.${key}`;
    const line = this.yaml?.lineOf(key === undefined ? this.path : [...this.path, key]);
    this.problems.add(at, message, line);
  }

  #take(key: string, required: boolean, expected: string): unknown {
    this.#known.add(key);
    const value = this.raw[key];
    if ((value === undefined || value === null) && required) this.report(key, `is required (${expected})`);
    return value ?? undefined;
  }

  /** The value as written, for a shape the readers below do not cover (a list of strings and mappings); the caller checks it. */
  value(key: string): unknown {
    return this.#take(key, false, '');
  }

  /**
   * A reader for the mapping at `key[index]` (a list item): its problems read `at.key[index].sub` with the
   * item's line, and its own finish() reports keys it did not read.
   */
  item(key: string, index: number, raw: Readonly<Record<string, unknown>>): FieldReader {
    return new FieldReader(raw, `${this.at}.${key}[${index}]`, [...this.path, key, index], this.yaml, this.problems);
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined && this.raw[key] !== null;
  }

  string(key: string, opts: { required?: boolean; pattern?: RegExp; expected?: string } = {}): string | undefined {
    const expected = opts.expected ?? 'a string';
    const value = this.#take(key, opts.required ?? false, expected);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.report(key, `must be ${expected}, not ${describe(value)}`);
      return undefined;
    }
    const text = String(value);
    if (text === '' || (opts.pattern && !opts.pattern.test(text))) {
      // The value is never quoted back: a pasted secret would land in the log.
      this.report(key, `is not ${expected}`);
      return undefined;
    }
    return text;
  }

  /**
   * The name of a variable the entry exports: `fallback` (derived from the id) when the key is absent.
   * Either way, a name that changes how later steps run, or that the runner owns, is refused with why.
   */
  envName(key: string, fallback: string): string | undefined {
    const given = this.string(key, { pattern: ENV_NAME, expected: 'an environment variable name of [A-Za-z0-9_]' });
    if (given === undefined && this.has(key)) return undefined;
    const name = given ?? fallback;
    // `export: file` adds NAME_FILE, so that form is checked too.
    const reason = envNameRefusal(name) ?? envNameRefusal(`${name}_FILE`);
    if (reason === undefined) return name;
    const which = given === undefined ? `the default variable ${name} (from the entry's id)` : name;
    this.report(key, `may not name ${which}: ${reason}; choose another name${given === undefined ? ' with export-env' : ''}`);
    return undefined;
  }

  url(key: string, opts: { required?: boolean } = {}): URL | undefined {
    const text = this.string(key, { required: opts.required ?? false, expected: 'an https:// URL' });
    if (text === undefined) return undefined;
    try {
      return parseEndpoint(text, key);
    } catch (error) {
      if (!(error instanceof KeylessError)) throw error;
      const why = error.code === 'HTTP_INSECURE_URL' ? 'is not https (plain http only on loopback: 127.0.0.1, ::1, localhost)' : 'is not an absolute URL (https://host/path)';
      this.report(key, why);
      return undefined;
    }
  }

  /** A string or a list of strings. */
  strings(key: string, opts: { required?: boolean } = {}): string[] | undefined {
    const value = this.#take(key, opts.required ?? false, 'a string or a list of strings');
    if (value === undefined) return undefined;
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || list.some((item) => typeof item !== 'string' || item === '')) {
      this.report(key, `must be a non-empty string or list of non-empty strings, not ${describe(value)}`);
      return undefined;
    }
    return list as string[];
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.#take(key, false, 'true or false');
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    this.report(key, `must be true or false, not ${describe(value)}`);
    return fallback;
  }

  /** A YAML list of anything; the caller checks the items. */
  list(key: string): unknown[] | undefined {
    const value = this.#take(key, false, 'a list');
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) {
      this.report(key, `must be a non-empty list, not ${describe(value)}`);
      return undefined;
    }
    return value as unknown[];
  }

  /** A YAML mapping; the caller checks its keys and values. */
  mapping(key: string): Readonly<Record<string, unknown>> | undefined {
    const value = this.#take(key, false, 'a mapping');
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
      this.report(key, `must be a non-empty mapping of KEY: value, not ${describe(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T): T {
    const text = this.string(key, { expected: `one of ${values.join(', ')}` });
    if (text === undefined) return fallback;
    if ((values as readonly string[]).includes(text)) return text as T;
    this.report(key, `is not one of ${values.join(', ')}`);
    return fallback;
  }

  /** Seconds, within [min, max]. */
  duration(key: string, min: number, max: number): number | undefined {
    const text = this.string(key, { expected: 'a duration such as 900, 15m or 1h' });
    if (text === undefined) return undefined;
    const seconds = parseDuration(text);
    if (seconds === undefined) this.report(key, 'is not a duration (expected e.g. 900, 90s, 15m, 1h30m)');
    else if (seconds < min || seconds > max) this.report(key, `${text} is outside ${min}s–${max}s`);
    else return seconds;
    return undefined;
  }

  /**
   * Reports each key nobody read: with the peer action's name for it when `peerHint` knows the key,
   * else the nearest known key. The known keys are listed once, not per unknown key.
   */
  finish(peerHint?: (key: string) => string | undefined): void {
    const unknown = Object.keys(this.raw).filter((key) => !this.#known.has(key));
    let listed = false;
    for (const key of unknown) {
      const hint = peerHint?.(key);
      if (hint !== undefined) {
        // A peer's input name is a known constant, safe to quote whatever its spelling.
        this.problems.add(`${this.at}.${key}`, hint, this.yaml?.lineOf([...this.path, key]));
        continue;
      }
      const guess = closest(key, [...this.#known]);
      const message = `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}${listed ? '' : `; known keys: ${[...this.#known].join(', ')}`}`;
      listed = true;
      if (looksLikeKey(key)) this.report(key, message);
      else this.problems.add(`${this.at}: a key that is no key name`, message, this.yaml?.lineOf([...this.path, key]));
    }
  }
}

/** What a value is, never what it says: the value may be a secret pasted in the wrong place. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/**
 * Whether a key the user wrote can be quoted in an error: short lower-case words joined by `-`, as every
 * Keyless key is. Anything else (a token pasted as a key) is pointed at by its line instead.
 */
export function looksLikeKey(key: string): boolean {
  return /^[a-z][a-z0-9]{0,15}(-[a-z0-9]{1,16}){0,4}$/.test(key);
}
