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
}

/**
 * Requests one runner token per distinct audience (concurrently), checks require-claims on each before
 * any exchange, then runs every exchange concurrently. Each credential is masked on arrival and its
 * revocation recorded at once, so a later failure or crash still gets it revoked.
 */
export async function mintAll(
  entries: readonly CredentialEntry[],
  rules: readonly ClaimRule[],
  deps: { runner: Runner; http: HttpClient; cleanup: CleanupLog; now: () => number },
): Promise<ExchangeOutcome> {
  const audiences = [...new Set(entries.map((entry) => entry.oidcAudience))];
  const fetched = await Promise.all(audiences.map(async (aud) => [aud, await requestIdToken(deps.runner, deps.http, aud)] as const));
  const tokens = new Map(fetched);
  for (const [aud, token] of tokens) {
    const { sub, job_workflow_ref: workflow } = token.claims;
    deps.runner.info(`Runner OIDC token for audience "${aud}": sub=${String(sub)}, job_workflow_ref=${String(workflow)}`);
    checkClaims(rules, token.claims);
  }

  const settled = await Promise.allSettled(
    entries.map(async (entry): Promise<Minted> => {
      const subject = `${entry.provider.name} "${entry.id}"`;
      const idToken = tokens.get(entry.oidcAudience) as IdToken;
      try {
        const credential = await entry.provider.exchange(entry.config, {
          http: deps.http,
          idToken,
          mask: (secret) => { deps.runner.mask(secret); },
          subject,
          env: deps.runner.env,
          now: deps.now,
        });
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
      } catch (error) {
        throw error instanceof KeylessError ? about(error, subject) : error;
      }
    }),
  );
  const outcome: ExchangeOutcome = { minted: [], failed: [], tokens };
  settled.forEach((result, i) => {
    const entry = entries[i] as CredentialEntry;
    if (result.status === 'fulfilled') outcome.minted.push(result.value);
    else if (result.reason instanceof KeylessError) outcome.failed.push({ entry, error: result.reason });
    else throw result.reason;
  });
  return outcome;
}
