import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { awsChain } from './aws-chain.js';
import { type AwsConfig, awsExclusive, readAwsConfig } from './aws-config.js';
import { AWS_OUTPUTS, type AwsCredential, checkAccount, checkAssumedRole, keysCredential, webIdentityCredential } from './aws-credential.js';
import { callSts, describeRefusal, failureHint, type StsRefusal, stsEndpoint } from './aws-sts.js';
import { credentialValue, JWT } from './credential-value.js';
import { claimsForHumans, issuerOf } from './oauth-error.js';
import type { ExchangeContext, Provider } from './types.js';

// AWS STS AssumeRoleWithWebIdentity with the runner token: unsigned (the token is the proof), so no SDK is
// needed. An entry with `from:` is src/providers/aws-chain.ts instead.

export type { AwsConfig } from './aws-config.js';

/** Session names show in CloudTrail: the repository and run make every session traceable to its job. */
export function defaultSessionName(claims: Readonly<Record<string, unknown>>): string {
  const parts = ['keyless', claims.repository, claims.run_id, claims.run_attempt].filter((p) => typeof p === 'string' && p !== '');
  return (parts as string[]).join('-').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

async function exchange(config: AwsConfig, ctx: ExchangeContext): Promise<AwsCredential> {
  const url = stsEndpoint(config, config.region, ctx.env);
  // Masked before the request, so a refusal that quotes the role shows no account either.
  if (config.maskAccountId) ctx.mask(config.role.split(':')[4] ?? '');
  const webIdentity = config.mode === 'web-identity';
  const jwt = webIdentity ? credentialValue(ctx.idToken.jwt, 'an OIDC token', 'the runner', JWT) : ctx.idToken.jwt;
  const sessionName = config.sessionName ?? defaultSessionName(ctx.idToken.claims);
  const params = new URLSearchParams({
    RoleArn: config.role,
    RoleSessionName: sessionName,
    WebIdentityToken: jwt,
    // The validating exchange of web-identity mode hands nothing out: the shortest session will do.
    DurationSeconds: String(webIdentity ? 900 : config.durationSeconds),
  });
  if (config.sessionPolicy) params.set('Policy', config.sessionPolicy);
  config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
  const what = `AWS STS ${url.origin}`;
  const session = await callSts(ctx, { url, action: 'AssumeRoleWithWebIdentity', params }, (refusal) => stsFailure(refusal, what, ctx));
  const account = checkAccount(config, session, what, (secret) => { ctx.mask(secret); });
  checkAssumedRole(config.role, sessionName, session, what);
  return webIdentity ? webIdentityCredential(config, session, account, url, { jwt, sessionName }) : keysCredential(config, session, account, url);
}

const DENIED = new Set(['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ExpiredTokenException', 'IDPCommunicationError']);

function stsFailure(refusal: StsRefusal, what: string, ctx: ExchangeContext): KeylessError {
  const message = `${what} answered ${describeRefusal({ ...refusal, ...(refusal.message ? { message: refusal.message.split(ctx.idToken.jwt).join('***') } : {}) })}`;
  if (refusal.code !== undefined && DENIED.has(refusal.code)) {
    return new KeylessError('EXCHANGE_DENIED', `${message}. The token carried ${claimsForHumans(ctx.idToken)}.`, { hint: trustPolicyHint(ctx.idToken) });
  }
  return new KeylessError('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
}

/** IAM names an OIDC provider, and its condition keys, by the issuer URL without its scheme. */
function trustPolicyHint(idToken: ExchangeContext['idToken']): string {
  const provider = issuerOf(idToken)?.replace(/^https:\/\//, '') ?? 'the token issuer (iss above)';
  return `check the role's trust policy: the IAM OIDC provider for ${provider} must exist, and its conditions on ${provider}:aud and :sub must match the claims above`;
}

export const aws: Provider<AwsConfig, typeof AWS_OUTPUTS> = {
  name: 'aws',
  outputs: AWS_OUTPUTS,
  read: (fields: FieldReader) => readAwsConfig(fields, false),
  defaultAudience: () => 'sts.amazonaws.com',
  exchange,
  exclusive: awsExclusive,
  chained: awsChain,
};
