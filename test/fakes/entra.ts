import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { applyFault, type Fake, type Fault, json, startFake } from './http-fake.js';

export interface EntraOptions {
  trustedIssuer: string;
  tenantId: string;
  clientId: string;
  /** The app registration's federated identity credentials: the subjects they accept. */
  subjects: string[];
  /** Tenant ids that exist nowhere, for AADSTS90002. */
  unknownTenants?: string[];
}

export interface EntraFake extends Fake {
  issued: string[];
  faults: Fault[];
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Microsoft identity platform v2.0 token endpoint, client credentials with a federated assertion. */
export async function startEntra(options: EntraOptions): Promise<EntraFake> {
  const jwks = createRemoteJWKSet(new URL(`${options.trustedIssuer}/.well-known/jwks`));
  const issued: string[] = [];
  const faults: Fault[] = [];
  const routes: Parameters<typeof startFake>[0] = {
    [`POST /${options.tenantId}/oauth2/v2.0/token`]: async (req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_assertion_type') !== ASSERTION_TYPE) {
        return aadsts(res, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
      }
      if (form.get('client_id') !== options.clientId) {
        return aadsts(res, 400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory '${options.tenantId}'.`);
      }
      if (!(form.get('scope') ?? '').endsWith('/.default')) {
        return aadsts(res, 400, 'invalid_scope', 1002012, `The provided value for scope ${form.get('scope') ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`);
      }
      let subject: string;
      try {
        const { payload } = await jwtVerify(form.get('client_assertion') ?? '', jwks, { issuer: options.trustedIssuer, audience: 'api://AzureADTokenExchange' });
        subject = String(payload.sub);
      } catch {
        return aadsts(res, 400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
      }
      if (!options.subjects.includes(subject)) {
        return aadsts(res, 400, 'invalid_client', 700213, `No matching federated identity record found for presented assertion subject '${subject}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.`);
      }
      const token = `eyJ0eXAiOiJKV1Qi.${randomBytes(32).toString('base64url')}`;
      issued.push(token);
      json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    },
  };
  for (const tenant of options.unknownTenants ?? []) {
    routes[`POST /${tenant}/oauth2/v2.0/token`] = (_req, res) =>
      aadsts(res, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const fake = await startFake(routes);
  return { ...fake, issued, faults };
}

/** An error as Entra ID sends it: the AADSTS code leads the description, a trace follows. */
function aadsts(res: ServerResponse, status: number, error: string, code: number, text: string): void {
  const trace = randomUUID();
  json(res, status, {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${trace} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: trace,
    correlation_id: randomUUID(),
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}
