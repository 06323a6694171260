import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/config.js';
import { KeylessError, renderError } from '../../src/errors.js';
import type { HttpClient, HttpResponse } from '../../src/http/client.js';
import { type Rfc8693Config, rfc8693 } from '../../src/providers/rfc8693.js';
import { requestIdToken } from '../../src/runner/oidc.js';
import { createRunner } from '../../src/runner/runner.js';

const SUBJECT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvd2lkZ2V0In0.c2lnbmF0dXJlLXNlY3JldA';
const KEYS = ['provider', 'id', 'token-endpoint', 'issuer', 'scope', 'resource', 'audience', 'export', 'export-env', 'oidc-audience', 'client-id', 'subject-token-type'];

const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('rfc8693', 'https://sts.example.com/t', 'http://x', 'env', SUBJECT));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string(), scalar, { maxKeys: 2 }));
const entry = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value, { maxKeys: 6 });
const configText = fc.oneof(
  fc.string(),
  fc.array(entry, { maxLength: 3 }).map((entries) => stringify(entries)),
  fc.anything().map((v) => JSON.stringify(v) as string | undefined ?? ''),
);

/**
 * Must either succeed or fail as a KeylessError rendered on one line; with `secret`, the message must not
 * contain it. (A configuration's own values may be echoed: the user wrote them, and the runner masks
 * any that came from `secrets.*`.)
 */
async function settlesCleanly(action: () => unknown, secret?: string): Promise<void> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    const rendered = renderError(error);
    expect(rendered).toMatch(/^\[[A-Z_]+\] [^\n]+$/);
    if (secret !== undefined) expect(rendered).not.toContain(secret);
  }
}

describe('parsers never throw anything but a KeylessError, and never echo a secret', () => {
  it('loadConfig, on random credentials, claims and settings', async () => {
    await fc.assert(
      fc.asyncProperty(configText, fc.string(), fc.string(), async (credentials, claims, timeout) => {
        await settlesCleanly(() => loadConfig({ credentials, 'require-claims': claims, 'http-timeout': timeout }, '/nonexistent'));
      }),
      { numRuns: 400 },
    );
  });

  const responseBody = fc.oneof(
    fc.string(),
    fc.anything().map((v) => JSON.stringify(v) as string | undefined ?? ''),
    fc.record(
      {
        access_token: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        issued_token_type: fc.oneof(fc.string(), fc.constant(undefined)),
        token_type: fc.oneof(fc.constant('Bearer'), fc.string()),
        expires_in: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(undefined)),
        error: fc.oneof(fc.constantFrom('invalid_grant', 'invalid_request', 'access_denied'), fc.string()),
        error_description: fc.oneof(fc.string(), fc.constant(`bad token ${SUBJECT}`)),
        error_uri: fc.string(),
      },
      { requiredKeys: [] },
    ).map((v) => JSON.stringify(v)),
  );
  const response = fc.record({
    status: fc.constantFrom(200, 200, 400, 401, 403, 429, 500, 503),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', ''),
    body: responseBody,
  });
  const serving = (r: { status: number; contentType: string; body: string }): HttpClient => ({
    request: (): Promise<HttpResponse> => Promise.resolve({ status: r.status, headers: r.contentType ? { 'content-type': r.contentType } : {}, body: r.body, bytes: Buffer.from(r.body), attempts: 1 }),
  });

  it('the RFC 8693 response parser, on random token endpoint answers', async () => {
    const config: Rfc8693Config = { server: { tokenEndpoint: new URL('https://sts.example.com/token') }, subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt', resources: [], endpointOrigins: [], exportEnv: 'T' };
    await fc.assert(
      fc.asyncProperty(response, async (r) => {
        await settlesCleanly(() =>
          rfc8693.exchange(config, { http: serving(r), idToken: { jwt: SUBJECT, claims: { sub: 'repo:acme/widget' } }, mask: () => {}, subject: 'rfc8693', env: {}, now: Date.now }),
          SUBJECT,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('the runner OIDC response parser, on random answers', async () => {
    const runner = createRunner({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/t?x=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: SUBJECT }, () => {});
    await fc.assert(
      fc.asyncProperty(response, async (r) => {
        await settlesCleanly(() => requestIdToken(runner, serving(r), 'aud'), SUBJECT);
      }),
      { numRuns: 300 },
    );
  });
});
