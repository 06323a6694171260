import type { CredentialEntry } from './config/config.js';
import { about, KeylessError } from './errors.js';
import type { HttpClient } from './http/client.js';
import { type ClaimRule, checkClaims } from './policy/claims.js';
import type { Credential } from './providers/types.js';
import { type IdToken, requestIdToken } from './runner/oidc.js';
import type { Runner } from './runner/runner.js';
import type { CleanupLog } from './runner/state.js';

export interface Minted {
  entry: CredentialEntry;
  credential: Credential;
}

export interface ExchangeOutcome {
  minted: Minted[];
  failed: { entry: CredentialEntry; error: KeylessError }[];
  /** One token per distinct audience, for the audit. */
  tokens: ReadonlyMap<string, IdToken>;
  /** Each entry's runner-token audience by id, as requested: the entry's own or its provider's default, never a server's choice. */
  audiences: ReadonlyMap<string, string>;
}

/**
 * Requests one runner token per distinct audience (concurrently), checks require-claims on each before
 * any exchange, then runs every exchange concurrently; an entry built on another (`from:`) waits for
 * that one only. Each credential is masked on arrival and its revocation recorded at once, so a later
 * failure or crash still gets it revoked.
 */
export async function mintAll(
  entries: readonly CredentialEntry[],
  rules: readonly ClaimRule[],
  deps: { runner: Runner; http: HttpClient; cleanup: CleanupLog; now: () => number },
): Promise<ExchangeOutcome> {
  const audienceOf = new Map(entries.flatMap((entry) => (entry.oidcAudience === undefined ? [] : [[entry.id, entry.oidcAudience] as const])));
  const audiences = [...new Set(audienceOf.values())];
  const fetched = await Promise.all(audiences.map(async (aud) => [aud, await requestIdToken(deps.runner, deps.http, aud)] as const));
  const tokens = new Map(fetched);
  for (const [aud, token] of tokens) {
    const { sub, job_workflow_ref: workflow } = token.claims;
    deps.runner.info(`Runner OIDC token for audience "${aud}": sub=${String(sub)}, job_workflow_ref=${String(workflow)}`);
    checkClaims(rules, token.claims);
  }

  const running = new Map<string, Promise<Minted>>();
  const start = (entry: CredentialEntry): Promise<Minted> => {
    let minting = running.get(entry.id);
    if (minting === undefined) {
      minting = mintOne(entry, tokens.get(audienceOf.get(entry.id) ?? ''), (id) => start(entries.find((e) => e.id === id) as CredentialEntry), deps);
      running.set(entry.id, minting);
    }
    return minting;
  };
  const settled = await Promise.allSettled(entries.map(start));
  const outcome: ExchangeOutcome = { minted: [], failed: [], tokens, audiences: audienceOf };
  settled.forEach((result, i) => {
    const entry = entries[i] as CredentialEntry;
    if (result.status === 'fulfilled') outcome.minted.push(result.value);
    else if (result.reason instanceof KeylessError) outcome.failed.push({ entry, error: result.reason });
    else throw result.reason;
  });
  return outcome;
}

async function mintOne(
  entry: CredentialEntry,
  idToken: IdToken | undefined,
  upstreamOf: (id: string) => Promise<Minted>,
  deps: { runner: Runner; http: HttpClient; cleanup: CleanupLog; now: () => number },
): Promise<Minted> {
  const subject = `${entry.provider.name} "${entry.id}"`;
  const base = { http: deps.http, mask: (secret: string) => { deps.runner.mask(secret); }, subject, env: deps.runner.env, now: deps.now };
  let credential: Credential;
  try {
    if (entry.provider.derived) {
      const upstream = await upstreamOf(entry.from ?? '').catch(() => {
        throw new KeylessError('EXCHANGE_FAILED', `not attempted: it builds on "${entry.from ?? ''}", which failed`, { hint: 'fix the error reported for that entry' });
      });
      const handoff = upstream.credential.handoff;
      if (handoff === undefined) throw new KeylessError('INPUT_INVALID', `"${entry.from ?? ''}" minted nothing this entry can build on`);
      credential = await entry.provider.exchange(entry.config, { ...base, upstream: handoff });
    } else {
      if (idToken === undefined) throw new Error(`no runner token was requested for ${subject}`);
      credential = await entry.provider.exchange(entry.config, { ...base, idToken });
    }
  } catch (error) {
    throw error instanceof KeylessError ? about(error, subject) : error;
  }
  const secrets = [...Object.values(credential.env), ...Object.values(credential.secretOutputs), ...(credential.files ?? []).flatMap((f) => (typeof f.content === 'string' ? [f.content] : []))];
  for (const value of secrets) deps.runner.mask(value);
  const expiresAt = credential.info.expiresAt;
  deps.cleanup.record(
    credential.revoke
      ? { kind: 'revoke', provider: entry.provider.name, id: entry.id, handle: credential.revoke, ...(expiresAt ? { expiresAt } : {}) }
      : {
          kind: 'revoke-none',
          provider: entry.provider.name,
          id: entry.id,
          ...(expiresAt ? { expiresAt } : {}),
          ...(credential.irrevocable ? { reason: credential.irrevocable } : {}),
        },
  );
  return { entry, credential };
}
