import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sign } from 'aws4';
import { SignJWT } from 'jose';
import type { AwsSession, AwsStsFake } from './aws-sts.js';
import type { EntraFake } from './entra.js';
import { applyFault, type Fake, type Fault, json, type RecordedRequest, startFake } from './http-fake.js';

export interface RegistryFake extends Fake {
  /** Registry passwords and docker `auth` values handed out. */
  issued: string[];
  faults: Fault[];
}

const ECR_TARGET = 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken';
const ECR_PUBLIC_TARGET = 'SpencerFrontendService.GetAuthorizationToken';

/**
 * Amazon ECR (and ECR Public) GetAuthorizationToken over JSON 1.1. Each request's SigV4 signature is
 * recomputed from what arrived, with the secret the STS fake issued for its access key, so a request
 * altered after signing, or signed for the wrong service or region, is refused as AWS refuses it.
 */
export async function startEcr(options: { sts: AwsStsFake; region: string; accountId?: string; allowedRoles?: string[] }): Promise<RegistryFake> {
  const issued: string[] = [];
  const faults: Fault[] = [];
  const account = options.accountId ?? '123456789012';
  const fake = await startFake({
    'POST /': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const target = String(req.headers['x-amz-target']);
      const wantService = target === ECR_PUBLIC_TARGET ? 'ecr-public' : 'ecr';
      const checked = checkSignature(req, options.sts, wantService, target === ECR_PUBLIC_TARGET ? 'us-east-1' : options.region);
      if ('refusal' in checked) return awsError(res, ...checked.refusal);
      const { session } = checked;
      const role = session.arn.split('/')[1] ?? '';
      if (options.allowedRoles && !options.allowedRoles.includes(role)) {
        return awsError(res, 400, 'AccessDeniedException', `User: ${session.arn} is not authorized to perform: ${wantService}:GetAuthorizationToken on resource: * because no identity-based policy allows the ${wantService}:GetAuthorizationToken action`);
      }
      const mint = () => {
        const token = Buffer.from(`AWS:${randomBytes(48).toString('base64')}`).toString('base64');
        issued.push(token, Buffer.from(token, 'base64').toString().slice(4));
        return { authorizationToken: token, expiresAt: Math.floor(Date.now() / 1000) + 43_200 };
      };
      if (target === ECR_PUBLIC_TARGET) return awsJson(res, 200, { authorizationData: mint() });
      if (target !== ECR_TARGET) return awsError(res, 400, 'UnknownOperationException', '');
      const body = JSON.parse(req.body || '{}') as { registryIds?: string[] };
      const ids = body.registryIds ?? [account];
      awsJson(res, 200, { authorizationData: ids.map((id) => ({ ...mint(), proxyEndpoint: `https://${id}.dkr.ecr.${options.region}.amazonaws.com` })) });
    },
  });
  return { ...fake, issued, faults };
}

type Refusal = [status: number, type: string, message: string];

/** SigV4 as AWS checks it: the scope names a live session, and the signature matches what arrived. */
function checkSignature(req: RecordedRequest, sts: AwsStsFake, service: string, region: string): { session: AwsSession } | { refusal: Refusal } {
  const authorization = req.headers.authorization ?? '';
  const scope = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/.exec(authorization);
  if (!/^\d{8}T\d{6}Z$/.test(String(req.headers['x-amz-date']))) return { refusal: [400, 'IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.'] };
  if (!scope) return { refusal: [400, 'MissingAuthenticationTokenException', 'Missing Authentication Token'] };
  const [, keyId = '', , signedRegion = '', signedService = '', signedHeaders = ''] = scope;
  const session = sts.sessions.get(keyId);
  if (!session || req.headers['x-amz-security-token'] !== session.sessionToken) {
    return { refusal: [400, 'UnrecognizedClientException', 'The security token included in the request is invalid.'] };
  }
  // Recomputed from the headers the client said it signed, as they arrived (X-Amz-Date included).
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = String(req.headers[name]);
  const expected = sign(
    { method: req.method, host: String(req.headers.host), path: req.path, service: signedService, region: signedRegion, headers, body: req.body },
    { accessKeyId: keyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken },
  );
  if (expected.headers?.Authorization !== authorization || signedService !== service || signedRegion !== region) {
    return { refusal: [403, 'InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'] };
  }
  return { session };
}

function awsJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-request' });
  res.end(JSON.stringify(body));
}

function awsError(res: ServerResponse, status: number, type: string, message: string): void {
  res.setHeader('x-amzn-errortype', `${type}:`);
  awsJson(res, status, { __type: type, message });
}

/**
 * Azure Container Registry's token service: POST /oauth2/exchange turns an Entra ID access token (one the
 * Entra fake issued) into a registry refresh token, a JWT; errors in the registry's `{"errors": [...]}`.
 */
export async function startAcr(options: { entra: EntraFake; loginServer: string; tenantId: string; grantedTokens?: 'all' | 'none' }): Promise<RegistryFake> {
  const issued: string[] = [];
  const faults: Fault[] = [];
  const key = randomBytes(32);
  const fake = await startFake({
    'POST /oauth2/exchange': async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') || form.get('grant_type') !== 'access_token') {
        return acrError(res, 400, 'UNSUPPORTED', 'grant_type must be access_token, refresh_token or password');
      }
      if (form.get('service') !== options.loginServer) return acrError(res, 400, 'INVALID_PARAMETER', `service ${form.get('service') ?? ''} does not match this registry`);
      if (form.get('tenant') !== null && form.get('tenant') !== options.tenantId) return acrError(res, 401, 'UNAUTHORIZED', 'the access token was issued by another tenant');
      if (!options.entra.issued.includes(form.get('access_token') ?? '')) return acrError(res, 401, 'UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.');
      if (options.grantedTokens === 'none') return acrError(res, 401, 'UNAUTHORIZED', 'The principal does not have the permission to access this registry.');
      const token = await new SignJWT({ grant_type: 'refresh_token', tenant: options.tenantId })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience(options.loginServer)
        .setIssuedAt()
        .setExpirationTime('3h')
        .sign(key);
      issued.push(token);
      json(res, 200, { refresh_token: token });
    },
  });
  return { ...fake, issued, faults };
}

function acrError(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, { errors: [{ code, message }] });
}
