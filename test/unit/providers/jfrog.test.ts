import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { KeylessError } from '../../../src/errors.js';
import { configProblems } from '../config/problems.js';
import type { HttpRequest, HttpResponse } from '../../../src/http/client.js';
import { accessErrors, jfrog, type JfrogConfig } from '../../../src/providers/jfrog.js';

// A jfrog entry's keys as the step reads them, Access's two error shapes, and what each answer to the
// self-revocation means at post.

const base = '- provider: jfrog\n  url: https://acme.jfrog.io\n  provider-name: github';

function config(credentials: string): JfrogConfig {
  return loadConfig({ credentials }, process.cwd()).credentials[0]?.config as JfrogConfig;
}

const problems = (credentials: string) => configProblems(credentials);

describe('jfrog entry keys', () => {
  it('keeps a reverse proxy\'s path prefix under the Access paths, and defaults the audience to the origin', () => {
    const read = config('- provider: jfrog\n  url: https://tools.example.com/jfrog\n  provider-name: github\n  project: acme-app');
    expect(read.url.href).toBe('https://tools.example.com/jfrog/');
    expect(new URL('access/api/v1/oidc/token', read.url).href).toBe('https://tools.example.com/jfrog/access/api/v1/oidc/token');
    expect(read.project).toBe('acme-app');
    expect(jfrog.defaultAudience(read)).toBe('https://tools.example.com');
    expect(loadConfig({ credentials: base }, process.cwd()).credentials[0]?.oidcAudience).toBe('https://acme.jfrog.io');
  });

  it('reports every bad key together, never quoting a value', () => {
    const message = problems('- provider: jfrog\n  url: http://acme.jfrog.io\n  provider-name: "-x y"\n  project: ACME\n  docker-hosts: [acme.jfrog.io, "Acme.JFrog.io/v2"]');
    expect(message).toContain('credentials[0].url (line 2): is not https');
    expect(message).toContain('credentials[0].provider-name (line 3): is not the Provider Name of the OIDC integration');
    expect(message).toContain('credentials[0].project (line 4): is not a JFrog project key');
    expect(message).toContain('credentials[0].docker-hosts (line 5): item 2 is not a registry host');
    for (const hub of ['docker.io', 'index.docker.io:443', 'registry-1.docker.io']) {
      expect(problems(`- provider: jfrog\n  url: https://acme.jfrog.io\n  provider-name: github\n  docker-hosts: [acme.jfrog.io, ${hub}]`)).toContain(
        `docker-hosts (line 4): item 2 is Docker Hub, which takes no JFrog access token: name the registry that issued it`,
      );
    }
    const missing = problems('- provider: jfrog\n  url: https://acme.jfrog.io/?x=1');
    expect(missing).toContain('credentials[0].url (line 2): has a query or fragment');
    expect(missing).toContain('credentials[0].provider-name: is required (the Provider Name of the OIDC integration');
  });

  it('lets a second jfrog entry in only when one of them hands out outputs alone', () => {
    expect(problems(`${base}\n${base}\n  id: two`)).toContain('credentials[1] (line 4): exports JF_URL and JF_ACCESS_TOKEN, as credentials[0] does');
    expect(loadConfig({ credentials: `${base}\n${base}\n  id: two\n  export: outputs` }, process.cwd()).credentials).toHaveLength(2);
  });
});

describe('Access error bodies', () => {
  it('quotes errors[] and the flat form, bounded and on one line', () => {
    expect(accessErrors({ errors: [{ code: 'UNAUTHORIZED', message: 'Bad\ncredentials' }, { code: 'X' }] }, '')).toBe('UNAUTHORIZED Bad credentials; X');
    expect(accessErrors({ code: 'BAD_REQUEST', message: 'Token not revocable', detail: 'threshold 6h' }, '')).toBe('BAD_REQUEST Token not revocable threshold 6h');
    expect(accessErrors(undefined, `<html>${'x'.repeat(500)}`)?.length).toBeLessThanOrEqual(201);
    expect(accessErrors({ errors: 'nope' }, '')).toBeUndefined();
  });
});

describe('revocation at post', () => {
  const respond = (status: number, body: unknown = '') => {
    const requests: HttpRequest[] = [];
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const http = {
      request: (req: HttpRequest): Promise<HttpResponse> => {
        requests.push(req);
        return Promise.resolve({ status, headers: { 'content-type': 'application/json' }, body: text, bytes: Buffer.from(text), attempts: 1 });
      },
    };
    return { requests, revoke: () => (jfrog.revoke as NonNullable<typeof jfrog.revoke>)({ endpoint: 'https://tools.example.com/jfrog/', token: 'eyJ.a.b' }, { http }) };
  };

  it('revokes the token with itself at tokens/me, under the URL\'s prefix', async () => {
    const { requests, revoke } = respond(200);
    expect(await revoke()).toEqual({ status: 'revoked' });
    expect(requests[0]?.method).toBe('DELETE');
    expect(requests[0]?.url.href).toBe('https://tools.example.com/jfrog/access/api/v1/tokens/me');
    expect(requests[0]?.headers?.authorization).toBe('Bearer eyJ.a.b');
  });

  it('takes 204 as already revoked, and Access\'s "Token not revocable" as not revocable rather than a failure', async () => {
    expect(await respond(204).revoke()).toEqual({ status: 'revoked', detail: 'Access says it was already revoked' });
    const notRevocable = await respond(400, { code: 'BAD_REQUEST', message: 'Token not revocable', detail: 'revocableExpiryThresholdMillis: 21600000' }).revoke();
    expect(notRevocable.status).toBe('not-revocable');
    expect(await respond(400, { errors: [{ code: 'BAD_REQUEST', message: 'Token not revocable' }] }).revoke()).toMatchObject({ status: 'not-revocable' });
  });

  it('throws on any other refusal, for the post step to report as a failed revocation', async () => {
    await expect(respond(401, { errors: [{ code: 'UNAUTHORIZED', message: 'Bad credentials' }] }).revoke()).rejects.toThrow(/HTTP 401: UNAUTHORIZED Bad credentials/);
    await expect(respond(400, { errors: [{ code: 'BAD_REQUEST', message: 'Token was created by another instance' }] }).revoke()).rejects.toBeInstanceOf(KeylessError);
  });
});
