import { KeylessError } from '../errors.js';
import type { HttpClient, HttpResponse } from '../http/client.js';
import { serverText } from '../http/json.js';
import { parseEndpoint } from '../http/url.js';
import { childAt, parseXml, XmlError, type XmlElement } from '../http/xml.js';
import { credentialValue, type ValueShape } from './credential-value.js';
import type { ExchangeContext, Handoff } from './types.js';

// The AWS STS query API as AWS documents it: a form-encoded POST of Action, Version and the action's
// parameters; an XML `<ActionResponse><ActionResult>` answer, or an XML `<ErrorResponse><Error>` with
// Type, Code and Message. AssumeRoleWithWebIdentity goes unsigned (the token is the proof); AssumeRole is
// signed with SigV4 by the caller's keys, loaded only then.

export type AwsKeys = Extract<Handoff, { kind: 'aws' }>;

export interface StsCall {
  url: URL;
  action: 'AssumeRoleWithWebIdentity' | 'AssumeRole';
  params: URLSearchParams;
  /** Keys and signing region for a SigV4-signed call; none for AssumeRoleWithWebIdentity. */
  signWith?: { keys: AwsKeys; region: string };
}

/** A session STS issued: every secret already checked and masked. */
export interface StsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: string;
  /** The assumed-role ARN, as STS wrote it (not secret; display text). */
  arn: string;
  attempts: number;
}

/** What STS said when it refused: `code` and `message` from its `<Error>`, when the body had one. */
export interface StsRefusal {
  status: number;
  code?: string;
  message?: string;
}

// AWS documents AccessKeyId as 16–128 word characters; STS issues upper-case letters and digits.
const ACCESS_KEY_ID: ValueShape = { pattern: /^[A-Z0-9]{16,128}$/, expected: '16–128 upper-case letters and digits' };
const XML_TYPE = /^(text|application)\/xml\b/i;

/**
 * One STS call: the session it issued (masked on arrival), or the error `refused` makes of STS's refusal.
 * Throttling (HTTP 400 `Throttling`) is retried with the client's other transient failures.
 */
export async function callSts(
  ctx: { http: HttpClient; mask(secret: string): void },
  call: StsCall,
  refused: (refusal: StsRefusal) => KeylessError,
): Promise<StsSession> {
  const body = new URLSearchParams({ Action: call.action, Version: '2011-06-15' });
  for (const [name, value] of call.params) body.append(name, value);
  const text = body.toString();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'text/xml' };
  if (call.signWith) {
    const { sigv4Headers } = await import('./sigv4.js');
    Object.assign(headers, sigv4Headers({ url: call.url, service: 'sts', region: call.signWith.region, headers, body: text }, call.signWith.keys));
  }
  const response = await ctx.http.request({
    method: 'POST',
    url: call.url,
    what: 'AWS STS',
    headers,
    body: text,
    retryOn: (r) => r.status === 400 && stsError(r.body)?.code === 'Throttling',
  });
  if (response.status !== 200) throw refused({ status: response.status, ...stsError(response.body) });
  return readSession(response, call, (secret) => { ctx.mask(secret); });
}

function readSession(response: HttpResponse, call: StsCall, mask: (secret: string) => void): StsSession {
  const what = `AWS STS ${call.url.origin}`;
  const type = response.headers['content-type'] ?? '';
  if (!XML_TYPE.test(type)) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered HTTP 200 with ${type === '' ? 'no content type' : type}, not XML`, {
      hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
    });
  }
  const root = readXml(response.body, what);
  const result = root.name === `${call.action}Response` ? childAt(root, `${call.action}Result`) : undefined;
  const credentials = childAt(result, 'Credentials');
  const arn = childAt(result, 'AssumedRoleUser', 'Arn')?.text;
  const expiration = childAt(credentials, 'Expiration')?.text ?? '';
  if (credentials === undefined || !arn || Number.isNaN(Date.parse(expiration))) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered 200 without the documented ${call.action}Result (Credentials with an Expiration, AssumedRoleUser)`, {
      hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
    });
  }
  const field = (name: string, shape?: ValueShape) => credentialValue(childAt(credentials, name)?.text, name, what, shape);
  const session = {
    accessKeyId: field('AccessKeyId', ACCESS_KEY_ID),
    secretAccessKey: field('SecretAccessKey'),
    sessionToken: field('SessionToken'),
  };
  for (const secret of Object.values(session)) mask(secret);
  return { ...session, expiresAt: new Date(Date.parse(expiration)).toISOString(), arn, attempts: response.attempts };
}

function readXml(text: string, what: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered XML that cannot be read: ${error.message}`, {
      hint: 'the service is misbehaving, or sts-endpoint points at something that is not STS; report it to its operator',
      cause: error,
    });
  }
}

/** The `<ErrorResponse><Error><Code/><Message/></Error>` STS sends with a 4xx or 5xx. */
export function stsError(text: string): { code: string; message?: string } | undefined {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    return undefined;
  }
  const error = root.name === 'ErrorResponse' ? childAt(root, 'Error') : undefined;
  const code = serverText(childAt(error, 'Code')?.text, 80);
  if (code === undefined) return undefined;
  const message = serverText(childAt(error, 'Message')?.text);
  return { code, ...(message ? { message } : {}) };
}

/** `HTTP 403: AccessDenied "…"`, for an error message. */
export function describeRefusal(refusal: StsRefusal): string {
  return `HTTP ${refusal.status}${refusal.code ? `: ${refusal.code}${refusal.message ? ` "${refusal.message}"` : ''}` : ''}`;
}

/** `sts-endpoint`, else AWS_ENDPOINT_URL_STS as the SDKs read it, else the region's own STS endpoint. */
export function stsEndpoint(config: { stsEndpoint?: URL; role: string }, region: string, env: ExchangeContext['env']): URL {
  if (config.stsEndpoint) return config.stsEndpoint;
  const fromSdk = env.AWS_ENDPOINT_URL_STS;
  if (fromSdk) return parseEndpoint(fromSdk, 'AWS_ENDPOINT_URL_STS');
  const suffix = config.role.startsWith('arn:aws-cn:') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(`https://sts.${region}.${suffix}/`);
}

/** What to do about an STS refusal that is not about trust; shared with role chains. */
export function failureHint(code: string | undefined): string {
  if (code === 'RegionDisabledException') return 'activate STS in this region (IAM → Account settings) or use another region';
  if (code === 'MalformedPolicyDocument' || code === 'PackedPolicyTooLarge' || code === 'ValidationError') {
    return 'fix role, duration (at most the role maximum), session-policy, managed-session-policies or session-tags';
  }
  return 'check region and sts-endpoint; re-run if AWS is degraded';
}
