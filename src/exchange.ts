import type { CredentialEntry } from './config/config.js';
import { about, KeylessError } from './errors.js';
import type { HttpClient } from './http/client.js';
import { type ClaimRule, checkClaims } from './policy/claims.js';
import type { Credential } from './providers/types.js';
import { describeSource, fetchSubjectToken, RUNNER_SOURCE, type SubjectTokenSource, sourceKey } from './oidc/subject-token.js';
import type { IdToken } from './runner/oidc.js';
import { displayText } from './runner/inert.js';
import type { Runner } from './runner/runner.js';
import type { CleanupRecorder } from './runner/state.js';

export interface Minted {
  entry: CredentialEntry;
  credential: Credential;
}

export interface ExchangeOutcome {
  minted: Minted[];
  failed: { entry: CredentialEntry; error: KeylessError }[];
  /** One token per distinct source and audience, for the audit. */
  tokens: ReadonlyMap<string, IdToken>;
  /** Each entry's runner-token audience by id, as requested: the entry's own or its provider's default, never a server's choice. */
  audiences: ReadonlyMap<string, string>;
}

/**
 * Fetches one subject token per distinct source and audience (concurrently), checks require-claims on each
 * before any exchange, then runs the exchanges of `mint` (every entry unless told; `export: exec` entries
 * are only checked at the step) concurrently; an entry built on another (`from:`) waits for
 * that one only. Each credential is masked on arrival and its revocation recorded at once, so a later
 * failure or crash still gets it revoked.
 */
export async function mintAll(
  entries: readonly CredentialEntry[],
  rules: readonly ClaimRule[],
  deps: { runner: Runner; http: HttpClient; cleanup: CleanupRecorder; now: () => number },
  mint: readonly CredentialEntry[] = entries,
): Promise<ExchangeOutcome> {
  const audienceOf = new Map(entries.flatMap((entry) => (entry.oidcAudience === undefined ? [] : [[entry.id, entry.oidcAudience] as const])));
  // One token per distinct (source, audience): entries that agree on both share a request (or a read).
  const wanted = new Map<string, { source: SubjectTokenSource; audience: string }>();
  const keyOf = new Map<string, string>();
  for (const entry of entries) {
    if (entry.oidcAudience === undefined) continue;
    const source = entry.subjectToken ?? RUNNER_SOURCE;
    const key = sourceKey(source, entry.oidcAudience);
    wanted.set(key, { source, audience: entry.oidcAudience });
    keyOf.set(entry.id, key);
  }
  const fetched = await Promise.all([...wanted].map(async ([key, { source, audience }]) => [key, await fetchSubjectToken(source, audience, deps)] as const));
  const tokens = new Map(fetched);
  for (const [key, token] of tokens) {
    const { source, audience } = wanted.get(key) as { source: SubjectTokenSource; audience: string };
    const { iss, sub, job_workflow_ref: workflow } = token.claims;
    if (source.kind === 'runner') deps.runner.info(`Runner OIDC token for audience "${audience}" from ${String(iss)}: sub=${String(sub)}, job_workflow_ref=${String(workflow)}`);
    else deps.runner.info(`Subject token from ${describeSource(source)} for audience "${audience}" from ${String(iss)}: sub=${String(sub)}`);
    checkClaims(rules, token.claims, source.kind === 'runner' ? undefined : describeSource(source));
  }

  const running = new Map<string, Promise<Minted>>();
  const start = (entry: CredentialEntry): Promise<Minted> => {
    let minting = running.get(entry.id);
    if (minting === undefined) {
      minting = mintOne(entry, tokens.get(keyOf.get(entry.id) ?? ''), (id) => start(entries.find((e) => e.id === id) as CredentialEntry), deps);
      running.set(entry.id, minting);
    }
    return minting;
  };
  const settled = await Promise.allSettled(mint.map(start));
  const outcome: ExchangeOutcome = { minted: [], failed: [], tokens, audiences: audienceOf };
  settled.forEach((result, i) => {
    const entry = mint[i] as CredentialEntry;
    if (result.status === 'fulfilled') outcome.minted.push(result.value);
    else if (result.reason instanceof KeylessError) outcome.failed.push({ entry, error: result.reason });
    else throw result.reason;
  });
  return outcome;
}

/**
 * Node's own refusals of a server's values (a date past the year 275760, a URL or header value that
 * does not parse) reach here when a provider used such a value: they are bad answers, not Keyless bugs.
 */
function asKeylessError(error: unknown): unknown {
  if (error instanceof KeylessError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof RangeError || code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
    return new KeylessError('HTTP_BAD_RESPONSE', `the service answered with a value that cannot be used (${error instanceof Error ? error.message : String(error)})`, {
      hint: 'the service is misbehaving or is not what the entry says it is; report it to its operator',
      cause: error,
    });
  }
  return error;
}

/**
 * The credential with every non-secret text it shows (principal, scope, token type, public outputs and
 * variables) made displayable, and redacted: a server may echo the secret it just issued into a "public"
 * field (`issued_token_type`), which is written to GITHUB_OUTPUT, where no mask applies.
 */
function displayable(credential: Credential, redact: (text: string) => string): Credential {
  const show = (text: string) => displayText(redact(text));
  const clean = (values: Readonly<Record<string, string>> | undefined) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, show(v)]));
  const { principal, scope, tokenType } = credential.info;
  return {
    ...credential,
    publicEnv: clean(credential.publicEnv),
    publicOutputs: clean(credential.publicOutputs),
    info: { ...credential.info, principal: show(principal), ...(scope === undefined ? {} : { scope: show(scope) }), ...(tokenType === undefined ? {} : { tokenType: show(tokenType) }) },
  };
}

/** Beyond any credential Keyless hands out (the same year and a day as jfrog's and rfc8693's own caps). */
const MAX_LIFETIME_MS = 366 * 24 * 3600 * 1000;
/** The form the post step reads back (src/runner/state.ts): a 4-digit year, so no date past 9999. */
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/**
 * What is wrong with an issuer's expiry, if anything. It is printed, set as expires-at, recorded in the audit
 * and saved with the revocation, which the post step would drop as unreadable (and not revoke) past 9999.
 */
function expiryProblem(expiresAt: string | undefined, now: number): string | undefined {
  if (expiresAt === undefined) return undefined;
  const at = Date.parse(expiresAt);
  if (!ISO.test(expiresAt) || Number.isNaN(at)) return `an expiry that cannot be read (${expiresAt})`;
  if (at <= now) return `a credential that had expired at ${expiresAt}, before it was handed out`;
  if (at > now + MAX_LIFETIME_MS) return `an expiry more than a year away (${expiresAt})`;
  return undefined;
}

async function mintOne(
  entry: CredentialEntry,
  idToken: IdToken | undefined,
  upstreamOf: (id: string) => Promise<Minted>,
  deps: { runner: Runner; http: HttpClient; cleanup: CleanupRecorder; now: () => number },
): Promise<Minted> {
  const subject = `${entry.provider.name} "${entry.id}"`;
  const base = { http: deps.http, mask: (secret: string) => { deps.runner.mask(secret); }, subject, env: deps.runner.env, now: deps.now };
  let credential: Credential;
  let chain: readonly string[] | undefined;
  try {
    if (entry.provider.derived) {
      const upstream = await upstreamOf(entry.from ?? '').catch(() => {
        throw new KeylessError('EXCHANGE_FAILED', `not attempted: it builds on "${entry.from ?? ''}", which failed`, { hint: 'fix the error reported for that entry' });
      });
      const handoff = upstream.credential.handoff;
      if (handoff === undefined) throw new KeylessError('INPUT_INVALID', `"${entry.from ?? ''}" minted nothing this entry can build on`);
      credential = await entry.provider.exchange(entry.config, { ...base, upstream: handoff });
      chain = upstream.credential.info.chain ?? [upstream.credential.info.principal];
    } else {
      if (idToken === undefined) throw new Error(`no runner token was requested for ${subject}`);
      credential = await entry.provider.exchange(entry.config, { ...base, idToken });
    }
  } catch (error) {
    const refusal = asKeylessError(error);
    throw refusal instanceof KeylessError ? about(refusal, subject) : refusal;
  }
  credential = displayable(credential, (text) => deps.runner.redact(text));
  for (const notice of credential.notices ?? []) deps.runner.warning(`${subject}: ${notice}`);
  // Each hop's principal, for the summary and the audit record: the upstream's are display text already.
  if (chain !== undefined) credential = { ...credential, info: { ...credential.info, chain: [...chain, credential.info.principal] } };
  const badExpiry = expiryProblem(credential.info.expiresAt, deps.now());
  // A bad expiry is left out of the record: the post step would drop the whole record, and not revoke.
  const expiry = badExpiry === undefined && credential.info.expiresAt ? { expiresAt: credential.info.expiresAt } : {};
  deps.cleanup.record(
    credential.revoke
      ? { kind: 'revoke', provider: entry.provider.name, id: entry.id, handle: credential.revoke, ...expiry }
      : { kind: 'revoke-none', provider: entry.provider.name, id: entry.id, ...expiry, ...(credential.irrevocable ? { reason: credential.irrevocable } : {}) },
  );
  // After the revocation is recorded, so a refusal here still revokes. Providers mask each secret on arrival;
  // these are the values handed out (files are built from them).
  try {
    for (const value of [...Object.values(credential.env), ...Object.values(credential.secretOutputs)]) deps.runner.mask(value);
    if (badExpiry !== undefined) {
      throw new KeylessError('HTTP_BAD_RESPONSE', `the issuer answered ${badExpiry}; the credential was not handed out`, {
        hint: "the service is misbehaving, or the runner's clock is wrong (compare date -u with the issuer's); report it to its operator",
      });
    }
  } catch (error) {
    throw error instanceof KeylessError ? about(error, subject) : error;
  }
  return { entry, credential };
}
