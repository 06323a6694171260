import { connect } from 'node:net';
import { KeylessError } from '../../errors.js';
import { serverText } from '../../http/json.js';
import type { IdToken } from '../../runner/oidc.js';
import { acceptJwt } from '../jwt-value.js';
import { endpointText, parseWorkloadEndpoint } from './endpoint.js';
import { GRPC, unaryCall } from './grpc.js';
import { decodeJwtSvidResponse, encodeJwtSvidRequest, ProtobufError } from './protobuf.js';

/** The Workload API's gRPC method for JWT-SVIDs (SPIFFE workloadapi.proto; the service has no package). */
export const FETCH_JWT_SVID = '/SpiffeWorkloadAPI/FetchJWTSVID';
/** Every Workload API call carries it; a server refuses a call without it (InvalidArgument). */
export const SECURITY_HEADER = { 'workload.spiffe.io': 'true' } as const;
/** An answer holds a few JWT-SVIDs of a few KB each. */
const MAX_ANSWER_BYTES = 256 * 1024;
const TIMEOUT_MS = 15_000;

export interface FetchJwtSvidOptions {
  /** SPIFFE_ENDPOINT_SOCKET, or the entry's spiffe-socket. */
  socket: string | undefined;
  /** Where `socket` came from, for messages. */
  socketFrom: string;
  audience: string;
  /** Which identity, when the workload has several; else the first the agent returns, as go-spiffe does. */
  spiffeId?: string;
  mask: (secret: string) => void;
  now: () => number;
  timeoutMs?: number;
}

/**
 * A JWT-SVID for `audience` from the SPIFFE Workload API, masked before it returns. The agent attests the
 * calling process itself (by its pid over the unix socket), so there is no credential to present.
 */
export async function fetchJwtSvid(options: FetchJwtSvidOptions): Promise<IdToken> {
  if (options.socket === undefined || options.socket === '') {
    throw new KeylessError('OIDC_REQUEST_FAILED', 'SPIFFE_ENDPOINT_SOCKET is not set, so the SPIFFE Workload API cannot be found', {
      hint: "set SPIFFE_ENDPOINT_SOCKET (e.g. unix:///run/spire/agent.sock) in the job, or spiffe-socket on the entry",
    });
  }
  const endpoint = parseWorkloadEndpoint(options.socket, options.socketFrom);
  const what = `the SPIFFE Workload API at ${endpointText(endpoint)}`;
  const answer = await unaryCall({
    connect: () => (endpoint.kind === 'unix' ? connect({ path: endpoint.path }) : connect({ host: endpoint.host, port: endpoint.port })),
    path: FETCH_JWT_SVID,
    message: encodeJwtSvidRequest([options.audience], options.spiffeId),
    metadata: SECURITY_HEADER,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    maxMessageBytes: MAX_ANSWER_BYTES,
    what,
  });
  if (answer.status !== GRPC.OK || answer.message === undefined) throw refusal(what, answer.status, answer.statusMessage, options);
  let svids;
  try {
    svids = decodeJwtSvidResponse(answer.message);
  } catch (error) {
    if (!(error instanceof ProtobufError)) throw error;
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} sent a JWTSVIDResponse that does not parse: ${error.message}`, { hint: 'the agent is misbehaving, or the socket is not a SPIFFE Workload API', cause: error });
  }
  const chosen = options.spiffeId === undefined ? svids[0] : svids.find((svid) => svid.spiffeId === options.spiffeId);
  if (chosen === undefined || chosen.svid === '') {
    throw new KeylessError('OIDC_REQUEST_FAILED', `${what} returned no JWT-SVID${options.spiffeId === undefined ? '' : ` for ${options.spiffeId}`}`, {
      hint: 'check the registration entries for this workload (spire-server entry show)',
    });
  }
  const hint = 'check the JWT-SVID settings of the SPIRE server (issuer, key type)';
  const token = acceptJwt(chosen.svid, { what: `the JWT-SVID from ${what}`, mask: options.mask, audience: options.audience, now: options.now, hint });
  // A JWT-SVID's subject is its SPIFFE ID (JWT-SVID spec §3): one that says otherwise is not what the agent labelled it.
  if (token.claims.sub !== chosen.spiffeId) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} labelled a JWT-SVID ${JSON.stringify(serverText(chosen.spiffeId, 200) ?? '')} whose sub claim says otherwise`, { hint });
  }
  return token;
}

function refusal(what: string, status: number, said: string, options: FetchJwtSvidOptions): KeylessError {
  const detail = serverText(said, 300);
  const message = `${what} refused the JWT-SVID request (gRPC status ${status}${detail ? `: ${detail}` : ''})`;
  switch (status) {
    case GRPC.PERMISSION_DENIED:
      return new KeylessError('OIDC_PERMISSION_MISSING', message, {
        hint: `no registration entry matches this workload${options.spiffeId === undefined ? '' : ` for ${options.spiffeId}`}: add one whose selectors match the job's process (spire-server entry create)`,
      });
    case GRPC.UNAVAILABLE:
    case GRPC.DEADLINE_EXCEEDED:
      return new KeylessError('HTTP_NETWORK', message, { hint: 'the agent is not ready (still attesting, or cannot reach its server); retry the job' });
    case GRPC.UNIMPLEMENTED:
      return new KeylessError('OIDC_REQUEST_FAILED', message, { hint: 'the socket is not a SPIFFE Workload API that serves JWT-SVIDs' });
    default:
      return new KeylessError('OIDC_REQUEST_FAILED', message, { hint: 'see the agent\'s log for why it refused' });
  }
}
