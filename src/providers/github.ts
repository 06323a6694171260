import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { isObject, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import { credentialValue } from './credential-value.js';
import { callJson } from './json-endpoint.js';
import type { Credential, ExchangeContext, Provider, RevokeContext, RevokeHandle, RevokeResult } from './types.js';
import { variableClaims } from './variable-claims.js';

// A scoped GitHub installation token from an octo-sts–compatible Security Token Service, in place of a
// PAT; revoked at job end on this job's GitHub (GHES included: the peer hard-codes api.github.com).

/** The STS answers no expiry (installation tokens last an hour). */
const OUTPUTS = { public: [], secret: ['token'] } as const;

export interface GitHubConfig {
  sts: URL;
  scope: string;
  identity: string;
  exportEnv: string;
}

function read(fields: FieldReader): GitHubConfig | undefined {
  const sts = fields.url('sts-url') ?? new URL('https://octo-sts.dev');
  const scope = fields.string('scope', { required: true, pattern: /^[\w.-]+(\/[\w.-]+)?$/, expected: 'owner or owner/repo' });
  const identity = fields.string('identity', { required: true, pattern: /^[\w.-]+$/, expected: 'the trust policy name (.github/chainguard/<identity>.sts.yaml)' });
  const exportEnv = fields.envName('export-env', 'GH_TOKEN');
  if (scope === undefined || identity === undefined || exportEnv === undefined) return undefined;
  return { sts, scope, identity, exportEnv };
}

/** octo-sts answers with gRPC-gateway errors: `{"code": 7, "message": "trust policy: …"}`. */
const grpcError = (body: unknown) => (isObject(body) ? serverText(body.message) : undefined);

async function exchange(config: GitHubConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = new URL('/sts/exchange', config.sts);
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('identity', config.identity);
  const { body, response } = await callJson({
    http: ctx.http,
    method: 'GET',
    url,
    what: 'GitHub token STS',
    headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
    describe: grpcError,
    denied: [401, 403, 404],
    deniedHint: `check .github/chainguard/${config.identity}.sts.yaml in the scope's repository (the org's .github repository for an org scope): its issuer, subject and claim patterns must match these claims`,
    idToken: ctx.idToken,
  });
  const token = credentialValue(body.token, 'a token', `the STS at ${url.origin}`);
  ctx.mask(token);
  const api = parseEndpoint(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  return {
    env: { [config.exportEnv]: token },
    secretOutputs: { token },
    publicOutputs: {},
    info: {
      principal: `${config.scope} (policy ${config.identity})`,
      scope: config.scope,
      tokenType: 'GitHub installation token',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(token),
    },
    revoke: { endpoint: api.href, token },
    handoff: { kind: 'bearer', provider: 'github', token },
  };
}

export async function revoke(handle: RevokeHandle, ctx: RevokeContext): Promise<RevokeResult> {
  const base = new URL(handle.endpoint);
  const { token } = handle;
  await callJson({
    http: ctx.http,
    method: 'DELETE',
    url: new URL(`${base.pathname.replace(/\/$/, '')}/installation/token`, base),
    what: 'GitHub installation token revocation',
    headers: { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' },
    describe: grpcError,
    deniedHint: 'the token had already expired or been revoked',
  });
  return { status: 'revoked' };
}

export const github: Provider<GitHubConfig, typeof OUTPUTS> = {
  name: 'github',
  outputs: OUTPUTS,
  read,
  defaultAudience: (config) => config.sts.host,
  exchange,
  revoke,
  exclusive: (config, places) => variableClaims([config.exportEnv], places, 'give each entry its own export-env'),
};
