import { KeylessError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { readRegularFile } from '../os/regular-file.js';
import { type IdToken, requestIdToken } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { acceptJwt, MAX_JWT_BYTES } from './jwt-value.js';

/**
 * Where an entry's subject token comes from: the GitHub runner (the default), a JWT file (a projected
 * Kubernetes service-account token), a variable (GitLab CI `id_tokens`, CIRCLE_OIDC_TOKEN, Buildkite), or
 * a JWT-SVID from the SPIFFE Workload API. Data only: any caller (the action, `keyless exec`, `keyless
 * refresh`) passes it to fetchSubjectToken.
 */
export type SubjectTokenSource =
  | { kind: 'runner' }
  | { kind: 'file'; path: string }
  | { kind: 'env'; name: string }
  /** `socket`: the Workload API address, else SPIFFE_ENDPOINT_SOCKET; `spiffeId`: which of the workload's identities. */
  | { kind: 'spiffe'; socket?: string; spiffeId?: string };

export const SOURCE_KINDS = ['runner', 'file', 'env', 'spiffe'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const RUNNER_SOURCE: SubjectTokenSource = Object.freeze({ kind: 'runner' });

export interface SubjectTokenDeps {
  runner: Runner;
  http: HttpClient;
  now: () => number;
}

/** The source for people: `the runner`, `file /var/run/…`, `variable CIRCLE_OIDC_TOKEN`, `the SPIFFE Workload API`. */
export function describeSource(source: SubjectTokenSource): string {
  switch (source.kind) {
    case 'runner': return 'the runner';
    case 'file': return `file ${source.path}`;
    case 'env': return `variable ${source.name}`;
    case 'spiffe': return `the SPIFFE Workload API${source.spiffeId === undefined ? '' : ` (${source.spiffeId})`}`;
  }
}

/** Entries whose source and audience are equal share one token: one request, one read. */
export function sourceKey(source: SubjectTokenSource, audience: string): string {
  return JSON.stringify([source.kind, source.kind === 'file' ? source.path : source.kind === 'env' ? source.name : '', source.kind === 'spiffe' ? [source.socket, source.spiffeId] : '', audience]);
}

/**
 * The subject token for `audience`, masked before this returns, with its claims decoded for require-claims
 * and the audit. Nothing is cached: a file is read again on every call, so a token the kubelet rotated
 * meanwhile is the one used. The Workload API client loads only when an entry asks for it.
 *
 * @example
 * const { jwt, claims } = await fetchSubjectToken({ kind: 'file', path: '/var/run/secrets/keyless/token' }, 'sts.amazonaws.com', { runner, http, now: Date.now });
 */
export async function fetchSubjectToken(source: SubjectTokenSource, audience: string, deps: SubjectTokenDeps): Promise<IdToken> {
  const mask = (secret: string) => { deps.runner.mask(secret); };
  switch (source.kind) {
    case 'runner':
      return requestIdToken(deps.runner, deps.http, audience);
    case 'file': {
      const hint = 'mount the token where subject-token-file says (a projected service-account token volume), readable by the job';
      const bytes = readRegularFile(source.path, { maxBytes: MAX_JWT_BYTES, hint: `a subject token file is a regular file holding one JWT of at most ${MAX_JWT_BYTES} bytes`, unreadableHint: hint });
      return acceptJwt(bytes.toString('utf8'), { what: `file ${source.path}`, mask, audience, now: deps.now, hint });
    }
    case 'env': {
      const value = deps.runner.env[source.name];
      const hint = `set ${source.name} to the CI system's OIDC token for this job (GitLab: an id_tokens entry of that name)`;
      if (value === undefined) throw new KeylessError('OIDC_REQUEST_FAILED', `variable ${source.name} is not set, so there is no subject token`, { hint });
      return acceptJwt(value, { what: `variable ${source.name}`, mask, audience, now: deps.now, hint });
    }
    case 'spiffe': {
      const { fetchJwtSvid } = await import('./spiffe/workload-api.js');
      const socketFrom = source.socket === undefined ? 'SPIFFE_ENDPOINT_SOCKET' : 'spiffe-socket';
      return fetchJwtSvid({ socket: source.socket ?? deps.runner.env.SPIFFE_ENDPOINT_SOCKET, socketFrom, audience, ...(source.spiffeId === undefined ? {} : { spiffeId: source.spiffeId }), mask, now: deps.now });
    }
  }
}
