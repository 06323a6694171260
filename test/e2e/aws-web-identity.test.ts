import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { runStep } from '../fakes/runner-harness.js';
import { awsWorld, ROLE, sdkCredentials } from './aws-world.js';
import { actionYml, dist, errorCodes, oidcAudiences } from './setup.js';

// mode: web-identity — the AWS SDKs and the CLI assume the role themselves from the runner token in a file,
// and renew their session on their own; `keyless refresh` keeps the token in that file fresh.

const SESSION = 'keyless-acme-widget-9876543210-1';

describe('provider: aws, mode: web-identity', () => {
  it('hands the SDKs a 0600 token file and the role, after one validating exchange; the SDK gets credentials, and again after keyless refresh', async () => {
    const w = await awsWorld();
    const credentials = w.entry('\n  mode: web-identity');
    const main = await w.main({ credentials });

    expect(main.code, main.stdout).toBe(0);
    const file = main.env.AWS_WEB_IDENTITY_TOKEN_FILE ?? '';
    expect(main.env).toEqual({
      KEYLESS_CLI: join(dist, 'cli.js'),
      KEYLESS_REFRESH: file,
      AWS_WEB_IDENTITY_TOKEN_FILE: file,
      AWS_ROLE_ARN: ROLE,
      AWS_ROLE_SESSION_NAME: SESSION,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_STS: `${w.sts.url}/`,
    });
    expect(file.startsWith(w.job.temp)).toBe(true);
    expectMode(file, 0o600);
    expect(readFileSync(file, 'utf8')).toBe(w.runner.issued[0]);
    // One exchange proved the trust policy here, for the shortest session; its keys are handed to no one.
    expect(w.sts.calls).toEqual([
      { action: 'AssumeRoleWithWebIdentity', params: { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: ROLE, RoleSessionName: SESSION, WebIdentityToken: w.runner.issued[0], DurationSeconds: '900' } },
    ]);
    expect(Object.keys(main.outputs).filter((name) => name.startsWith('aws-')).sort()).toEqual(['aws-account-id', 'aws-arn', 'aws-principal']);
    expect(main.stdout).toContain(`✓ aws "aws": web identity token file for AWS SDKs for arn:aws:sts::123456789012:assumed-role/ci/${SESSION} → `);

    // A later step: the AWS SDK for JavaScript v3, reading only what the step exported.
    const first = await sdkCredentials(main.env, w.job.root);
    expect(first.error).toBeUndefined();
    expect(w.sts.issued).toContain(first.accessKeyId);
    expect(w.sts.calls[1]?.params).toMatchObject({ Action: 'AssumeRoleWithWebIdentity', RoleArn: ROLE, RoleSessionName: SESSION, WebIdentityToken: w.runner.issued[0] });

    // Later still, after the runner token in the file expired: `node "$KEYLESS_CLI" refresh`, then the SDK again.
    const refreshed = await runStep(main.env.KEYLESS_CLI ?? '', { ...w.options({}, main.env), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(w.runner.issued[1]);
    expectMode(file, 0o600);
    expect(oidcAudiences(w.runner)).toEqual(['sts.amazonaws.com', 'sts.amazonaws.com']);
    const second = await sdkCredentials(main.env, w.job.root);
    expect(w.sts.issued).toContain(second.accessKeyId);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(w.sts.calls[2]?.params.WebIdentityToken).toBe(w.runner.issued[1]);

    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(() => statSync(file)).toThrow();
    expect(post.stdout).toContain('the token file is deleted; sessions the SDKs assumed with it expire on their own');
    w.expectNoLeaks([main, refreshed, post]);
  });

  it('in a profile: role_arn, web_identity_token_file, role_session_name and region in the config file, which the SDK reads', async () => {
    const w = await awsWorld();
    const credentials = w.entry('\n  mode: web-identity\n  profile: ci\n  default-profile: true');
    const main = await w.main({ credentials });

    expect(main.code, main.stdout).toBe(0);
    const config = main.env.AWS_CONFIG_FILE ?? '';
    const token = main.env.KEYLESS_REFRESH ?? '';
    expect(main.env).toEqual({ KEYLESS_CLI: join(dist, 'cli.js'), KEYLESS_REFRESH: token, AWS_CONFIG_FILE: config, AWS_PROFILE: 'ci' });
    expectMode(config, 0o600);
    expectMode(token, 0o600);
    expect(readFileSync(config, 'utf8')).toBe(`[profile ci]\nrole_arn = ${ROLE}\nweb_identity_token_file = ${token}\nrole_session_name = ${SESSION}\nregion = eu-west-1\n`);
    expect(readFileSync(token, 'utf8')).toBe(w.runner.issued[0]);

    // In a profile the STS endpoint is the SDK's own: AWS_ENDPOINT_URL_STS, set here as a job would.
    const sdk = await sdkCredentials({ ...main.env, AWS_ENDPOINT_URL_STS: w.sts.url }, w.job.root, { profile: 'ci' });
    expect(sdk.error).toBeUndefined();
    expect(w.sts.issued).toContain(sdk.accessKeyId);
    expect(w.sts.calls[1]?.params).toMatchObject({ RoleArn: ROLE, RoleSessionName: SESSION, WebIdentityToken: w.runner.issued[0] });

    const post = await w.post({ credentials }, main);
    expect(() => statSync(config)).toThrow();
    expect(() => statSync(token)).toThrow();
    w.expectNoLeaks([main, post]);
  });

  it('refuses, and hands out nothing, when the profile cannot name the token file: a RUNNER_TEMP with a space', async () => {
    const w = await awsWorld();
    const temp = join(w.job.temp, 'runner temp');
    mkdirSync(temp);
    const credentials = w.entry('\n  mode: web-identity\n  profile: ci');
    const main = await w.main({ credentials }, { RUNNER_TEMP: temp });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('the folder for credential files (under RUNNER_TEMP) has a space, quote or other character the AWS config file cannot hold');
    expect(main.stdout).toContain('drop profile: (the path then goes in AWS_WEB_IDENTITY_TOKEN_FILE)');
    expect(main.env).toEqual({});
    const post = await w.post({ credentials }, main, { RUNNER_TEMP: temp });
    expect(readdirSync(temp).filter((name) => !name.startsWith('keyless-audit-'))).toEqual([]);
    w.expectNoLeaks([main, post]);
  });

  it('blanks the keys and AWS_PROFILE an earlier step set: they would take precedence over the token file in the SDK chain', async () => {
    const w = await awsWorld();
    const earlier = { AWS_ACCESS_KEY_ID: 'AKIAEARLIERSTEP00000', AWS_SECRET_ACCESS_KEY: 'earlier-step-secret-0000000000', AWS_PROFILE: 'earlier' };
    const credentials = w.entry('\n  mode: web-identity');
    const main = await w.main({ credentials }, earlier);

    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toMatchObject({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' });
    // AWS_SESSION_TOKEN was not set: nothing to blank.
    expect(main.env.AWS_SESSION_TOKEN).toBeUndefined();
    expect(main.stdout).toContain('env AWS_ACCESS_KEY_ID (blanked: an earlier step set it, and it would take precedence)');
    // The SDK's default chain, in the next step's environment: earlier variables overridden by this step's.
    const sdk = await sdkCredentials({ ...earlier, ...main.env }, w.job.root, 'chain');
    expect(sdk.error).toBeUndefined();
    expect(w.sts.issued).toContain(sdk.accessKeyId);
    w.expectNoLeaks([main, await w.post({ credentials }, main, earlier)]);
  });

  it('fails at the step, not later in an SDK, when the trust policy refuses the token: the claims, and no file', async () => {
    const w = await awsWorld({ allowedSubjects: ['repo:acme/widget:environment:production'] });
    const main = await w.main({ credentials: w.entry('\n  mode: web-identity') });

    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('HTTP 403: AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity". The token carried');
    expect(main.stdout).toContain('sub="repo:acme/widget:ref:refs/heads/main"');
    expect(main.env).toEqual({});
    expect(readdirSync(w.job.temp).filter((name) => !name.startsWith('keyless-audit-'))).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it.each([
    ['a session policy, which the SDK sessions would not carry', "session-policy: '{}'", 'session-policy (line 6): does not apply with mode web-identity: the SDKs assume the role from the token file without any session policy'],
    ['managed session policies', 'managed-session-policies: arn:aws:iam::aws:policy/ReadOnlyAccess', 'managed-session-policies (line 6): does not apply with mode web-identity'],
    ['a duration, which the SDKs choose', 'duration: 1h', 'duration (line 6): does not apply with mode web-identity: the SDKs choose their session length (1 hour)'],
    ['an unknown mode', 'mode: sdk', 'mode (line 5): is not one of keys, web-identity'],
  ])('refuses %s before any request', async (_name, line, message) => {
    const w = await awsWorld();
    const credentials = line.startsWith('mode:') ? w.entry(`\n  ${line}`) : w.entry(`\n  mode: web-identity\n  ${line}`);
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(message);
    expect(w.runner.requests).toEqual([]);
  });
});
