import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import { type AwsChainConfig, awsExclusive, readAwsConfig } from './aws-config.js';
import { AWS_OUTPUTS, type AwsCredential, checkAccount, checkAssumedRole, keysCredential } from './aws-credential.js';
import { callSts, describeRefusal, failureHint, type StsRefusal, stsEndpoint } from './aws-sts.js';
import type { DerivedContext, DerivedProvider } from './types.js';

// Role chaining: `provider: aws` with `from:` assumes its role with the session of another aws entry, by a
// SigV4-signed STS AssumeRole, the call that takes an external id and session tags. It takes no runner
// token: if the entry it builds on failed, it is not attempted.

async function exchange(config: AwsChainConfig, ctx: DerivedContext): Promise<AwsCredential> {
  const upstream = ctx.upstream;
  if (upstream.kind !== 'aws') throw new KeylessError('INPUT_INVALID', `"${config.from}" minted no AWS session to assume the role with`);
  const region = config.region ?? upstream.region;
  const url = stsEndpoint(config, region, ctx.env);
  if (config.maskAccountId) ctx.mask(config.role.split(':')[4] ?? '');
  const params = new URLSearchParams({
    RoleArn: config.role,
    // The upstream session's name by default: CloudTrail then shows one name along the whole chain.
    RoleSessionName: config.sessionName ?? upstream.sessionName ?? 'keyless',
    DurationSeconds: String(config.durationSeconds),
  });
  if (config.externalId) params.set('ExternalId', config.externalId);
  if (config.sessionPolicy) params.set('Policy', config.sessionPolicy);
  config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
  config.sessionTags.forEach(([key, value], i) => {
    params.set(`Tags.member.${i + 1}.Key`, key);
    params.set(`Tags.member.${i + 1}.Value`, value);
  });
  config.transitiveTagKeys.forEach((key, i) => params.set(`TransitiveTagKeys.member.${i + 1}`, key));
  const what = `AWS STS ${url.origin}`;
  const session = await callSts(ctx, { url, action: 'AssumeRole', params, signWith: { keys: upstream, region } }, (refusal) => chainFailure(refusal, what, config));
  const settled = { ...config, region };
  const account = checkAccount(settled, session, what, (secret) => { ctx.mask(secret); });
  checkAssumedRole(config.role, params.get('RoleSessionName') ?? '', session, what);
  return keysCredential(settled, session, account, url);
}

/** Refusals of the upstream session itself, or of this role's trust in it: never retried. */
const DENIED = new Set(['AccessDenied', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'ExpiredToken', 'IncompleteSignature']);

function chainFailure(refusal: StsRefusal, what: string, config: AwsChainConfig): KeylessError {
  const message = `${what} answered ${describeRefusal(refusal)} to AssumeRole with the session of "${config.from}"`;
  if (refusal.code === undefined || !DENIED.has(refusal.code)) return new KeylessError('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
  return new KeylessError('EXCHANGE_DENIED', message, { hint: DENIED_HINTS[refusal.code] ?? trustHint(config) });
}

const DENIED_HINTS: Readonly<Record<string, string>> = {
  SignatureDoesNotMatch: "the request was altered on the way (a proxy), or the runner's clock is off by more than 5 minutes; region must be the region of sts-endpoint",
  IncompleteSignature: 'a proxy stripped the SigV4 headers; let requests to STS through unchanged',
  InvalidClientTokenId: `STS does not accept the session of the entry in from: here: region (or sts-endpoint) must be in the same partition, and an opt-in region must be enabled for its account`,
  ExpiredToken: 'the session of the entry in from: expired before it was used; re-run the job',
};

function trustHint(config: AwsChainConfig): string {
  const extras = [
    config.externalId ? 'its sts:ExternalId condition must equal external-id' : '',
    config.sessionTags.length > 0 ? 'it must allow sts:TagSession too' : '',
  ].filter(Boolean);
  return `the trust policy of role must allow sts:AssumeRole for the role of "${config.from}" (the user named above)${extras.length > 0 ? `, ${extras.join(', ')}` : ''}; and that role's own policy must allow sts:AssumeRole on role`;
}

export const awsChain: DerivedProvider<AwsChainConfig, typeof AWS_OUTPUTS> = {
  name: 'aws',
  outputs: AWS_OUTPUTS,
  derived: true,
  read: (fields: FieldReader) => readAwsConfig(fields, true),
  upstream: (config) => ({ id: config.from, providers: ['aws'] }),
  exchange,
  exclusive: awsExclusive,
};
