import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sign } from 'aws4';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { applyFault, type Fake, type Fault, type RecordedRequest, startFake } from './http-fake.js';

export interface AwsStsOptions {
  trustedIssuer: string;
  /** The role's trust policy: allowed `sub` values; any when absent. */
  allowedSubjects?: string[];
  /** The role's MaxSessionDuration, in seconds (AWS default 3600). */
  maxSessionDuration?: number;
  /** The account every assumed-role ARN names (a confused STS); the role ARN's own account when absent. */
  accountId?: string;
  /** The AssumedRoleUser ARN STS answers for the role and session name asked: an STS answering for another role. The documented one when absent. */
  assumedRole?: (role: string, sessionName: string) => string;
  /** Overrides fields of the Credentials STS answers: a compromised or impersonated STS shaping its answer. */
  hostile?: Partial<Record<'AccessKeyId' | 'SecretAccessKey' | 'SessionToken', string>>;
  /** The sessions AssumeRole accepts signatures from: another STS fake's, to chain from it. Its own when absent. */
  sessions?: Map<string, AwsSession>;
  /** The signing region AssumeRole requires (an STS endpoint serves one region); any when absent. */
  region?: string;
  /** AssumeRole trust policies by role ARN: the source roles (by name) it trusts, its ExternalId condition, sts:TagSession. Any when absent. */
  trust?: Record<string, { roles: string[]; externalId?: string; tagSession?: boolean }>;
}

export interface AwsStsFake extends Fake {
  /** Access key ids, secret keys and session tokens handed out: secrets a run must never leak. */
  issued: string[];
  /** Each session minted, in the order answered: concurrent exchanges arrive in any order, so find one by role. */
  minted: { role: string; sessionName: string; accessKeyId: string; secretAccessKey: string; sessionToken: string }[];
  faults: Fault[];
  /** The sessions minted, by access key id: what another AWS fake verifies a SigV4 signature with. */
  sessions: Map<string, AwsSession>;
  /** Each call STS answered or refused, its parameters decoded, and the session that signed it (AssumeRole). */
  calls: { action: string; params: Record<string, string>; signedBy?: string }[];
}

export interface AwsSession {
  secretAccessKey: string;
  sessionToken: string;
  arn: string;
}

type Refusal = [status: number, code: string, message: string];

/**
 * AWS STS on the query API as AWS documents it: a form-encoded POST /, XML answers
 * (`<ActionResponse><ActionResult>`), XML errors (`<ErrorResponse><Error><Type/><Code/><Message/>`).
 * AssumeRoleWithWebIdentity checks the runner token against the trusted issuer's JWKS; AssumeRole
 * recomputes the SigV4 signature of what arrived with the secret of the session that signed it, and
 * refuses as STS does (InvalidClientTokenId, SignatureDoesNotMatch), then applies the role's trust policy.
 */
export async function startAwsSts(options: AwsStsOptions): Promise<AwsStsFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const minted: AwsStsFake['minted'] = [];
  const faults: Fault[] = [];
  const sessions = new Map<string, AwsSession>();
  const trusted = options.sessions ?? sessions;
  const calls: AwsStsFake['calls'] = [];

  const mint = (res: ServerResponse, action: string, params: URLSearchParams, extra: Record<string, string> = {}) => {
    const role = params.get('RoleArn') ?? '';
    const sessionName = params.get('RoleSessionName') ?? '';
    const duration = Number(params.get('DurationSeconds') ?? 3600);
    const credentials = {
      AccessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      SecretAccessKey: randomBytes(30).toString('base64'),
      SessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(48).toString('base64')}`,
      Expiration: new Date(Date.now() + duration * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...options.hostile,
    };
    issued.push(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
    minted.push({ role, sessionName, accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken });
    const account = options.accountId ?? role.split(':')[4] ?? '';
    const partition = role.split(':')[1] ?? '';
    const arn = options.assumedRole?.(role, sessionName) ?? `arn:${partition}:sts::${account}:assumed-role/${role.split('/').pop() ?? ''}/${sessionName}`;
    sessions.set(credentials.AccessKeyId, { secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, arn });
    const result = {
      Credentials: credentials,
      ...extra,
      AssumedRoleUser: { Arn: arn, AssumedRoleId: `AROA${randomBytes(8).toString('hex').toUpperCase()}:${sessionName}` },
      PackedPolicySize: '6',
    };
    answer(res, 200, { [`${action}Response`]: { [`${action}Result`]: result, ResponseMetadata: { RequestId: 'fake-request' } } });
  };

  const fake = await startFake({
    'POST /': async (req, res) => {
      const fault = faults.shift();
      if (fault?.kind === 'status' && typeof fault.body === 'string') return answerText(res, fault.status, fault.body, fault.headers);
      if (await applyFault(fault, res)) return;
      const params = new URLSearchParams(req.body);
      const action = params.get('Action') ?? '';
      const call: AwsStsFake['calls'][number] = { action, params: Object.fromEntries(params) };
      calls.push(call);
      const fail = (refusal: Refusal) => stsError(res, ...refusal);
      if (params.get('Version') !== '2011-06-15' || !['AssumeRoleWithWebIdentity', 'AssumeRole'].includes(action)) {
        return fail([400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? ''}`]);
      }
      if (action === 'AssumeRole') {
        const signed = checkSignature(req, trusted, options.region);
        if ('refusal' in signed) return fail(signed.refusal);
        call.signedBy = signed.session.arn;
        const refusal = validate(params, 3600, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.') ?? trust(params, signed.session, options);
        if (refusal) return fail(refusal);
        return mint(res, action, params);
      }
      const refusal = validate(params, options.maxSessionDuration ?? 3600, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
      if (refusal) return fail(refusal);
      let sub: string;
      try {
        const { payload } = await jwtVerify(params.get('WebIdentityToken') ?? '', jwks, { issuer: options.trustedIssuer, audience: 'sts.amazonaws.com' });
        sub = String(payload.sub);
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        return fail(expired ? [400, 'ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time'] : [400, 'InvalidIdentityToken', 'Incorrect token audience']);
      }
      if (options.allowedSubjects && !options.allowedSubjects.includes(sub)) {
        return fail([403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity']);
      }
      mint(res, action, params, { SubjectFromWebIdentityToken: sub, Provider: options.trustedIssuer, Audience: 'sts.amazonaws.com' });
    },
  });
  return { ...fake, issued, minted, faults, sessions, calls };
}

/** SigV4 as STS checks it: a live session's key and token, then the signature recomputed over what arrived. */
function checkSignature(req: RecordedRequest, sessions: Map<string, AwsSession>, region: string | undefined): { session: AwsSession } | { refusal: Refusal } {
  const authorization = req.headers.authorization ?? '';
  if (authorization === '') return { refusal: [403, 'MissingAuthenticationToken', 'Request is missing Authentication Token'] };
  const scope = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/.exec(authorization);
  if (!scope || !/^\d{8}T\d{6}Z$/.test(String(req.headers['x-amz-date']))) {
    return { refusal: [400, 'IncompleteSignature', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.'] };
  }
  const [, keyId = '', , signedRegion = '', signedService = '', signedHeaders = ''] = scope;
  const session = sessions.get(keyId);
  if (!session || req.headers['x-amz-security-token'] !== session.sessionToken) {
    return { refusal: [403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'] };
  }
  if (signedService !== 'sts' || (region !== undefined && signedRegion !== region)) {
    return { refusal: [403, 'SignatureDoesNotMatch', `Credential should be scoped to a valid region${region ? `, not '${signedRegion}'` : ''} and service 'sts'.`] };
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = String(req.headers[name]);
  const expected = sign(
    { method: req.method, host: String(req.headers.host), path: req.path, service: signedService, region: signedRegion, headers, body: req.body },
    { accessKeyId: keyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken },
  );
  if (expected.headers?.Authorization !== authorization) {
    return { refusal: [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'] };
  }
  return { session };
}

/** The role's trust policy for AssumeRole: which roles it trusts, with which ExternalId, and whether they may tag. */
function trust(params: URLSearchParams, source: AwsSession, options: AwsStsOptions): Refusal | undefined {
  const role = params.get('RoleArn') ?? '';
  const policy = options.trust?.[role];
  if (policy === undefined) return undefined;
  const sourceRole = source.arn.split('/')[1] ?? '';
  const denied = (action: string): Refusal => [403, 'AccessDenied', `User: ${source.arn} is not authorized to perform: ${action} on resource: ${role}`];
  if (!policy.roles.includes(sourceRole) || (policy.externalId !== undefined && params.get('ExternalId') !== policy.externalId)) return denied('sts:AssumeRole');
  if (params.has('Tags.member.1.Key') && policy.tagSession !== true) return denied('sts:TagSession');
  return undefined;
}

/** The request checks STS makes before looking at the caller: the refusal, if any. */
function validate(params: URLSearchParams, maxSessionDuration: number, tooLong: string): Refusal | undefined {
  const role = params.get('RoleArn') ?? '';
  if (!/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/.test(role)) return [400, 'ValidationError', `${role} is invalid`];
  if (!/^[\w+=,.@-]{2,64}$/.test(params.get('RoleSessionName') ?? '')) return [400, 'ValidationError', 'RoleSessionName failed to satisfy constraint'];
  if (Number(params.get('DurationSeconds') ?? 3600) > maxSessionDuration) return [400, 'ValidationError', tooLong];
  const externalId = params.get('ExternalId');
  if (externalId !== null && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) return [400, 'ValidationError', 'ExternalId failed to satisfy constraint'];
  const policy = params.get('Policy');
  if (policy !== null && !isJson(policy)) return [400, 'MalformedPolicyDocument', 'Syntax errors in policy.'];
  return undefined;
}

type XmlValue = string | { [name: string]: XmlValue };

/** `{A: {B: 'x'}}` as `<A><B>x</B></A>`, text escaped; the first element gets STS's namespace. */
export function toXml(value: XmlValue, root = true): string {
  if (typeof value === 'string') return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return Object.entries(value)
    .map(([name, inner], i) => `<${name}${root && i === 0 ? ' xmlns="https://sts.amazonaws.com/doc/2011-06-15/"' : ''}>${toXml(inner, false)}</${name}>`)
    .join('');
}

function answer(res: ServerResponse, status: number, body: XmlValue): void {
  answerText(res, status, `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(body)}\n`);
}

function answerText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'fake-request', ...headers });
  res.end(text);
}

/** An error body exactly as STS sends it. */
export function stsErrorBody(code: string, message: string): string {
  return toXml({ ErrorResponse: { Error: { Type: 'Sender', Code: code, Message: message }, RequestId: 'fake-request' } });
}

function stsError(res: ServerResponse, status: number, code: string, message: string): void {
  answerText(res, status, stsErrorBody(code, message));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A throttling answer exactly as STS sends it: HTTP 400 with code Throttling. */
export const throttled: Fault = { kind: 'status', status: 400, body: stsErrorBody('Throttling', 'Rate exceeded') };
