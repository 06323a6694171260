import { sign } from 'aws4';
import type { AwsKeys } from './aws-sts.js';

// SigV4 by aws4 (a maintained signer on node:crypto, 15 KB; an AWS SDK client would add megabytes for
// one call). Loaded only by the entries that sign: a role chain, an ECR login.

export interface Signable {
  url: URL;
  service: string;
  region: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** The request's headers with the SigV4 ones added (Authorization, X-Amz-Date, X-Amz-Security-Token, Host), names lower-cased. */
export function sigv4Headers(request: Signable, keys: Pick<AwsKeys, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): Record<string, string> {
  const signed = sign(
    { method: 'POST', host: request.url.host, path: `${request.url.pathname}${request.url.search}`, service: request.service, region: request.region, headers: { ...request.headers }, body: request.body },
    { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = String(value);
  return headers;
}
