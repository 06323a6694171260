import { fingerprint } from '../audit/fingerprint.js';
import type { FieldReader } from '../config/fields.js';
import { KeylessError } from '../errors.js';
import type { HttpResponse } from '../http/client.js';
import { isObject, parseLoose, serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import { iniSection } from '../sinks/formats/ini.js';
import { credentialValue, type ValueShape } from './credential-value.js';
import { claimsForHumans, issuerOf } from './oauth-error.js';
import type { Credential, CredentialFile, ExchangeContext, Provider } from './types.js';

// AWS STS AssumeRoleWithWebIdentity over the query API. The call is unsigned (the web identity token is
// the proof), so no SDK is needed; the response is requested as JSON.

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const PROFILE = /^[\w.-]{1,64}$/;
// AWS documents AccessKeyId as 16–128 word characters; STS issues upper-case letters and digits.
const ACCESS_KEY_ID: ValueShape = { pattern: /^[A-Z0-9]{16,128}$/, expected: '16–128 upper-case letters and digits' };

const OUTPUTS = { public: ['account-id', 'arn', 'expires-at'], secret: ['access-key-id', 'secret-access-key', 'session-token'] } as const;

export interface AwsConfig {
  role: string;
  region: string;
  durationSeconds: number;
  sessionName?: string;
  sessionPolicy?: string;
  managedPolicies: string[];
  stsEndpoint?: URL;
  profile?: string;
}

function read(fields: FieldReader): AwsConfig | undefined {
  const role = fields.string('role', { required: true, pattern: ROLE_ARN, expected: 'a role ARN, arn:aws:iam::123456789012:role/NAME' });
  const region = fields.string('region', { required: true, pattern: REGION, expected: 'an AWS region such as us-east-1' });
  const durationSeconds = fields.duration('duration', 900, 43_200) ?? 900;
  const sessionName = fields.string('session-name', { pattern: SESSION_NAME, expected: '2–64 characters of [A-Za-z0-9_+=,.@-]' });
  const policyText = fields.string('session-policy', { expected: 'an IAM policy document as JSON' });
  const managedPolicies = fields.strings('managed-session-policies') ?? [];
  managedPolicies.forEach((arn, i) => {
    if (!POLICY_ARN.test(arn)) fields.report('managed-session-policies', `item ${i + 1} is not a policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`);
  });
  if (managedPolicies.length > 10) fields.report('managed-session-policies', 'AWS accepts at most 10 managed session policies');
  const stsEndpoint = fields.url('sts-endpoint');
  const profile = fields.string('profile', { pattern: PROFILE, expected: 'a profile name of [A-Za-z0-9_.-]' });
  if (fields.has('session-tags')) {
    fields.string('session-tags');
    fields.report('session-tags', 'AssumeRoleWithWebIdentity takes session tags from the token, not the request; map claims to tags in the IAM OIDC provider instead');
  }
  const sessionPolicy = policyText === undefined ? undefined : minifiedJson(policyText, fields);
  if (role === undefined || region === undefined) return undefined;
  const optional = { sessionName, sessionPolicy, stsEndpoint, profile };
  const config: AwsConfig = { role, region, durationSeconds, managedPolicies };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(config, { [key]: value });
  return config;
}

function minifiedJson(text: string, fields: FieldReader): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    fields.report('session-policy', 'is not valid JSON');
    return undefined;
  }
}

/** Session names show in CloudTrail: the repository and run make every session traceable to its job. */
export function defaultSessionName(claims: Readonly<Record<string, unknown>>): string {
  const parts = ['keyless', claims.repository, claims.run_id, claims.run_attempt].filter((p) => typeof p === 'string' && p !== '');
  return (parts as string[]).join('-').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

function endpointFor(config: AwsConfig, env: ExchangeContext['env']): URL {
  if (config.stsEndpoint) return config.stsEndpoint;
  const fromSdk = env.AWS_ENDPOINT_URL_STS;
  if (fromSdk) return parseEndpoint(fromSdk, 'AWS_ENDPOINT_URL_STS');
  const suffix = config.role.startsWith('arn:aws-cn:') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(`https://sts.${config.region}.${suffix}/`);
}

async function exchange(config: AwsConfig, ctx: ExchangeContext): Promise<Credential<typeof OUTPUTS>> {
  const url = endpointFor(config, ctx.env);
  const form = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: config.role,
    RoleSessionName: config.sessionName ?? defaultSessionName(ctx.idToken.claims),
    WebIdentityToken: ctx.idToken.jwt,
    DurationSeconds: String(config.durationSeconds),
  });
  if (config.sessionPolicy) form.set('Policy', config.sessionPolicy);
  config.managedPolicies.forEach((arn, i) => form.set(`PolicyArns.member.${i + 1}.arn`, arn));
  const response = await ctx.http.request({
    method: 'POST',
    url,
    what: 'AWS STS',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
    body: form.toString(),
    retryOn: (r) => r.status === 400 && stsError(r)?.code === 'Throttling',
  });
  const result = readResult(response, url, ctx);
  const what = `AWS STS ${url.origin}`;
  const keyId = credentialValue(result.credentials.AccessKeyId, 'AccessKeyId', what, ACCESS_KEY_ID);
  const secret = credentialValue(result.credentials.SecretAccessKey, 'SecretAccessKey', what);
  const session = credentialValue(result.credentials.SessionToken, 'SessionToken', what);
  for (const value of [keyId, secret, session]) ctx.mask(value);
  const expiration = result.credentials.Expiration;
  const expiresAt = new Date(typeof expiration === 'number' ? expiration * 1000 : expiration).toISOString();
  const keys = { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: session };
  const files: CredentialFile[] = config.profile
    ? [{ env: 'AWS_SHARED_CREDENTIALS_FILE', name: 'aws-credentials', content: profileSection(config.profile, keyId, secret, session) }]
    : [];
  return {
    env: config.profile ? {} : keys,
    publicEnv: { AWS_REGION: config.region, AWS_DEFAULT_REGION: config.region },
    files,
    secretOutputs: { 'access-key-id': keyId, 'secret-access-key': secret, 'session-token': session },
    publicOutputs: { 'account-id': result.arn.split(':')[4] ?? '', arn: result.arn, 'expires-at': expiresAt },
    info: {
      principal: result.arn,
      expiresAt,
      tokenType: 'AWS STS session',
      endpoint: `${url.origin}${url.pathname}`,
      attempts: response.attempts,
      fingerprint: await fingerprint(keyId),
    },
    irrevocable: 'STS session credentials cannot be revoked one by one; they expire on their own',
    handoff: { kind: 'aws', accessKeyId: keyId, secretAccessKey: secret, sessionToken: session, region: config.region },
  };
}

function profileSection(profile: string, keyId: string, secret: string, session: string): string {
  return iniSection(profile, { aws_access_key_id: keyId, aws_secret_access_key: secret, aws_session_token: session }, 'the AWS shared credentials file');
}

interface StsCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: number | string;
}

function readResult(response: HttpResponse, url: URL, ctx: ExchangeContext): { credentials: StsCredentials; arn: string } {
  const what = `AWS STS ${url.origin}`;
  if (response.status !== 200) throw stsFailure(response, what, ctx);
  const body = parseLoose(response.body);
  const outer = isObject(body) ? body.AssumeRoleWithWebIdentityResponse : undefined;
  const result = isObject(outer) ? outer.AssumeRoleWithWebIdentityResult : undefined;
  const credentials = isObject(result) ? result.Credentials : undefined;
  const user = isObject(result) ? result.AssumedRoleUser : undefined;
  const arn = isObject(user) ? user.Arn : undefined;
  const valid =
    isObject(credentials) &&
    ['AccessKeyId', 'SecretAccessKey', 'SessionToken'].every((k) => typeof credentials[k] === 'string' && credentials[k] !== '') &&
    (typeof credentials.Expiration === 'number' || (typeof credentials.Expiration === 'string' && !Number.isNaN(Date.parse(credentials.Expiration))));
  if (!valid || typeof arn !== 'string') {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered 200 without the documented AssumeRoleWithWebIdentityResult`, {
      hint: 'sts-endpoint must point at AWS STS (or a compatible service that answers JSON)',
    });
  }
  return { credentials: credentials as unknown as StsCredentials, arn };
}

/** The `{"Error":{"Code","Message"}}` body STS sends with a JSON Accept header. */
function stsError(response: Omit<HttpResponse, 'attempts'>): { code: string; message?: string } | undefined {
  const body = parseLoose(response.body);
  const error = isObject(body) ? body.Error : undefined;
  const code = isObject(error) ? serverText(error.Code, 80) : undefined;
  if (code === undefined) return undefined;
  const message = isObject(error) ? serverText(error.Message) : undefined;
  return { code, ...(message ? { message } : {}) };
}

const DENIED = new Set(['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ExpiredTokenException', 'IDPCommunicationError']);

function stsFailure(response: HttpResponse, what: string, ctx: ExchangeContext): KeylessError {
  const error = stsError(response);
  const said = error ? `: ${error.code}${error.message ? ` "${error.message.split(ctx.idToken.jwt).join('***')}"` : ''}` : '';
  const message = `${what} answered HTTP ${response.status}${said}`;
  if (error && DENIED.has(error.code)) {
    return new KeylessError('EXCHANGE_DENIED', `${message}. The token carried ${claimsForHumans(ctx.idToken)}.`, {
      hint: trustPolicyHint(ctx.idToken),
    });
  }
  const hint =
    error?.code === 'RegionDisabledException'
      ? 'activate STS in this region (IAM → Account settings) or use another region'
      : error?.code === 'MalformedPolicyDocument' || error?.code === 'PackedPolicyTooLarge' || error?.code === 'ValidationError'
        ? 'fix role, duration (at most the role maximum), session-policy or managed-session-policies'
        : 'check region and sts-endpoint; re-run if AWS is degraded';
  return new KeylessError('EXCHANGE_FAILED', message, { hint });
}

export const aws: Provider<AwsConfig, typeof OUTPUTS> = {
  name: 'aws',
  outputs: OUTPUTS,
  read,
  defaultAudience: () => 'sts.amazonaws.com',
  exchange,
};

/** IAM names an OIDC provider, and its condition keys, by the issuer URL without its scheme. */
function trustPolicyHint(idToken: ExchangeContext['idToken']): string {
  const provider = issuerOf(idToken)?.replace(/^https:\/\//, '') ?? 'the token issuer (iss above)';
  return `check the role's trust policy: the IAM OIDC provider for ${provider} must exist, and its conditions on ${provider}:aud and :sub must match the claims above`;
}
