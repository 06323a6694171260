import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { json, startFake } from './http-fake.js';

export const WORKLOAD_ID = 'spiffe://example.org/ci/deploy';

/** How the next FetchJWTSVID call misbehaves, as a SPIRE agent or something posing as one can. */
export type SpiffeFault =
  | { kind: 'status'; code: grpc.status; message: string }
  /** An SVID signed for another audience than the one asked for. */
  | { kind: 'audience'; audience: string }
  | { kind: 'no-svids' }
  /** An SVID whose sub is not the SPIFFE ID it is labelled with. */
  | { kind: 'mislabelled' };

export interface SpiffeRequest {
  audience: string[];
  spiffeId: string;
  /** The `workload.spiffe.io` metadata the call carried. */
  securityHeader: string[];
}

export interface SpiffeWorkloadApiFake {
  /** SPIFFE_ENDPOINT_SOCKET for the fake: `unix://` and the socket's absolute path. */
  endpoint: string;
  socketPath: string;
  /** The issuer of the SVIDs, serving their JWKS as SPIRE's OIDC Discovery Provider does: an STS fake trusts it. */
  issuer: string;
  issued: string[];
  requests: SpiffeRequest[];
  faults: SpiffeFault[];
  claims: JWTPayload;
  close(): Promise<void>;
}

const definition = loadSync(join(import.meta.dirname, 'spiffe', 'workload.proto'), { keepCase: true, defaults: true });
const service = (grpc.loadPackageDefinition(definition).SpiffeWorkloadAPI as grpc.ServiceClientConstructor).service;

interface JwtSvidRequest { audience: string[]; spiffe_id: string }
interface JwtSvid { spiffe_id: string; svid: string; hint: string }

/**
 * A SPIFFE Workload API on a unix socket, served by @grpc/grpc-js: FetchJWTSVID answers with JWT-SVIDs
 * (ES256, `sub` the SPIFFE ID, `aud` the audiences asked for) and refuses a call without the security
 * header with InvalidArgument, as the spec says. The signing key's JWKS is served over loopback HTTP at
 * `${issuer}/.well-known/jwks`, so `startOAuthServer({ trustedIssuer: issuer })` verifies the SVIDs.
 */
export async function startSpiffeWorkloadApi(claims: JWTPayload = {}): Promise<SpiffeWorkloadApiFake> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'spire-key-1', alg: 'ES256', use: 'sig' };
  let issuer = '';
  const http = await startFake({
    'GET /.well-known/openid-configuration': (_req, res) => { json(res, 200, { issuer, jwks_uri: `${issuer}/.well-known/jwks` }); },
    'GET /.well-known/jwks': (_req, res) => { json(res, 200, { keys: [jwk] }); },
  });
  issuer = http.url;
  const state: SpiffeWorkloadApiFake = {
    endpoint: '',
    socketPath: join(mkdtempSync(join(tmpdir(), 'keyless-spire-')), 'agent.sock'),
    issuer,
    issued: [],
    requests: [],
    faults: [],
    claims,
    close: async () => {},
  };
  const sign = (audience: string[], sub: string) =>
    new SignJWT({ ...state.claims, jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(sub)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  const server = new grpc.Server();
  server.addService(service, {
    FetchJWTSVID: (call: grpc.ServerUnaryCall<JwtSvidRequest, unknown>, callback: grpc.sendUnaryData<{ svids: JwtSvid[] }>) => {
      const securityHeader = call.metadata.get('workload.spiffe.io').map(String);
      state.requests.push({ audience: call.request.audience, spiffeId: call.request.spiffe_id, securityHeader });
      void (async () => {
        if (securityHeader[0] !== 'true') return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'security header missing from request' });
        if (call.request.audience.length === 0) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'audience must be specified' });
        if (call.request.spiffe_id !== '' && call.request.spiffe_id !== WORKLOAD_ID) return callback({ code: grpc.status.PERMISSION_DENIED, details: 'no identity issued' });
        const fault = state.faults.shift();
        if (fault?.kind === 'status') return callback({ code: fault.code, details: fault.message });
        if (fault?.kind === 'no-svids') return callback(null, { svids: [] });
        const audience = fault?.kind === 'audience' ? [fault.audience] : call.request.audience;
        const svid = await sign(audience, fault?.kind === 'mislabelled' ? 'spiffe://example.org/someone-else' : WORKLOAD_ID);
        state.issued.push(svid);
        return callback(null, { svids: [{ spiffe_id: WORKLOAD_ID, svid, hint: 'ci' }] });
      })();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${state.socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve()));
  });
  state.endpoint = `unix://${state.socketPath}`;
  state.close = async () => {
    server.forceShutdown();
    await http.close();
  };
  return state;
}
