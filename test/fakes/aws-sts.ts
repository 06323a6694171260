import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface AwsStsOptions {
  trustedIssuer: string;
  /** The role's trust policy: allowed `sub` values; any when absent. */
  allowedSubjects?: string[];
  /** The role's MaxSessionDuration, in seconds (AWS default 3600). */
  maxSessionDuration?: number;
  accountId?: string;
  /** Overrides fields of the Credentials STS answers: a compromised or impersonated STS shaping its answer. */
  hostile?: Partial<Record<'AccessKeyId' | 'SecretAccessKey' | 'SessionToken', string>>;
}

export interface AwsStsFake extends Fake {
  /** Access key ids, secret keys and session tokens handed out: secrets a run must never leak. */
  issued: string[];
  faults: Fault[];
  /** The sessions minted, by access key id: what another AWS fake verifies a SigV4 signature with. */
  sessions: Map<string, AwsSession>;
}

export interface AwsSession {
  secretAccessKey: string;
  sessionToken: string;
  arn: string;
}

/**
 * AWS STS AssumeRoleWithWebIdentity on the query API: form-encoded POST /, JSON answers when the client
 * sends `Accept: application/json` (XML otherwise), errors as `{"Error":{"Type","Code","Message"}}`.
 */
export async function startAwsSts(options: AwsStsOptions): Promise<AwsStsFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const faults: Fault[] = [];
  const sessions = new Map<string, AwsSession>();
  const account = options.accountId ?? '123456789012';
  const fake = await startFake({
    'POST /': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      const wantsJson = String(req.headers.accept).includes('application/json');
      const fail = (status: number, code: string, message: string) => stsError(res, wantsJson, status, code, message);
      if (form.get('Action') !== 'AssumeRoleWithWebIdentity' || form.get('Version') !== '2011-06-15') {
        return fail(400, 'InvalidAction', `Could not find operation ${form.get('Action') ?? ''} for version ${form.get('Version') ?? ''}`);
      }
      const refusal = validate(form, options.maxSessionDuration ?? 3600);
      if (refusal) return fail(...refusal);
      const role = form.get('RoleArn') ?? '';
      const sessionName = form.get('RoleSessionName') ?? '';
      const duration = Number(form.get('DurationSeconds') ?? 3600);
      let sub: string;
      try {
        const { payload } = await jwtVerify(form.get('WebIdentityToken') ?? '', jwks, { issuer: options.trustedIssuer, audience: 'sts.amazonaws.com' });
        sub = String(payload.sub);
      } catch {
        return fail(400, 'InvalidIdentityToken', 'Incorrect token audience');
      }
      if (options.allowedSubjects && !options.allowedSubjects.includes(sub)) {
        return fail(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
      }
      const credentials = {
        AccessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
        SecretAccessKey: randomBytes(30).toString('base64'),
        SessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(48).toString('base64')}`,
        Expiration: Math.floor(Date.now() / 1000) + duration,
        ...options.hostile,
      };
      issued.push(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
      const arn = `arn:aws:sts::${account}:assumed-role/${role.split('/').pop() ?? ''}/${sessionName}`;
      sessions.set(credentials.AccessKeyId, { secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, arn });
      const result = {
        Credentials: credentials,
        SubjectFromWebIdentityToken: sub,
        AssumedRoleUser: { Arn: arn, AssumedRoleId: `AROA${randomBytes(8).toString('hex').toUpperCase()}:${sessionName}` },
        Provider: options.trustedIssuer,
        Audience: 'sts.amazonaws.com',
      };
      if (wantsJson) {
        json(res, 200, { AssumeRoleWithWebIdentityResponse: { AssumeRoleWithWebIdentityResult: result, ResponseMetadata: { RequestId: 'fake-request' } } });
      } else {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(`<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult>…</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`);
      }
    },
  });
  return { ...fake, issued, faults, sessions };
}

/** The request checks STS makes before looking at the token: [status, code, message] of the refusal. */
function validate(form: URLSearchParams, maxSessionDuration: number): [number, string, string] | undefined {
  const role = form.get('RoleArn') ?? '';
  if (!/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/.test(role)) return [400, 'ValidationError', `${role} is invalid`];
  if (!/^[\w+=,.@-]{2,64}$/.test(form.get('RoleSessionName') ?? '')) return [400, 'ValidationError', 'RoleSessionName failed to satisfy constraint'];
  if (Number(form.get('DurationSeconds') ?? 3600) > maxSessionDuration) {
    return [400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'];
  }
  const policy = form.get('Policy');
  if (policy !== null && !isJson(policy)) return [400, 'MalformedPolicyDocument', 'Syntax errors in policy.'];
  return undefined;
}

function stsError(res: ServerResponse, wantsJson: boolean, status: number, code: string, message: string): void {
  if (wantsJson) {
    json(res, status, { Error: { Type: 'Sender', Code: code, Message: message }, RequestId: 'fake-request' });
    return;
  }
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`);
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
export const throttled: Fault = { kind: 'status', status: 400, body: { Error: { Type: 'Sender', Code: 'Throttling', Message: 'Rate exceeded' }, RequestId: 'fake' } };
