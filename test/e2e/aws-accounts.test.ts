import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { awsWorld, CHAINED_ROLE, ROLE, sdkCredentials } from './aws-world.js';
import { errorCodes } from './setup.js';

// Several AWS accounts in one job, and the configure-aws-credentials inputs about accounts: each entry its
// own profile (one of them AWS_PROFILE), never two sets of keys in the environment; mask-account-id and
// allowed-account-ids.

const STAGING_ROLE = 'arn:aws:iam::111111111111:role/ci';
const SESSION = 'keyless-acme-widget-9876543210-1';

describe('provider: aws, several accounts', () => {
  it('refuses two entries that would both put AWS credentials in the environment, before any request, saying what to do', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: `${w.entry('\n  id: prod')}\n${w.entry('\n  id: staging', STAGING_ROLE)}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(
      "credentials[1] (line 6): hands its AWS credentials to later steps through the environment, where credentials[0] already puts AWS's; the later entry would silently replace or override the earlier. Give each entry a profile (one of them default-profile: true for AWS_PROFILE), or export one as outputs or none",
    );
    expect(w.runner.requests).toEqual([]);
  });

  it.each([
    ['web-identity variables after keys', '\n  id: a', '\n  id: b\n  mode: web-identity', 'credentials[1] (line 6): hands its AWS credentials to later steps through the environment'],
    ['keys written to files (export: file) twice', '\n  id: a\n  export: file', '\n  id: b\n  export: [file, outputs]', 'credentials[1] (line 7): hands its AWS credentials'],
    ['a default profile beside keys in the environment', '\n  id: a', '\n  id: b\n  profile: b\n  default-profile: true', 'credentials[1].default-profile (line 12): sets AWS_PROFILE, where credentials[0] already puts AWS credentials in the environment (keys there would take precedence over any profile'],
    ['two default profiles', '\n  id: a\n  profile: a\n  default-profile: true', '\n  id: b\n  profile: b\n  default-profile: true', 'credentials[1].default-profile (line 14): sets AWS_PROFILE'],
    ['one profile name twice', '\n  id: a\n  profile: shared', '\n  id: b\n  profile: shared', 'credentials[1].profile (line 12): names the profile shared, as credentials[0] does; give each entry its own profile'],
    ['default-profile without a profile', '\n  id: a\n  default-profile: true\n  export: none', '\n  id: b\n  profile: b', "credentials[0].default-profile (line 6): needs profile: it makes that profile the job's AWS_PROFILE"],
  ])('refuses %s', async (_name, first, second, message) => {
    const w = await awsWorld();
    const main = await w.main({ credentials: `${w.entry(first)}\n${w.entry(second, STAGING_ROLE)}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(message);
    expect(w.runner.requests).toEqual([]);
  });

  it('lets keys in the environment and other profiles coexist, and an entry only another builds on', async () => {
    const w = await awsWorld();
    const credentials = `${w.entry('\n  id: prod\n  session-name: prod')}\n${w.entry('\n  id: staging\n  profile: staging', STAGING_ROLE)}\n${w.entry('\n  id: quiet\n  session-name: quiet\n  export: none')}`;
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    // The three exchanges run concurrently: which key STS handed out first is not the entry's.
    const minted = (sessionName: string) => w.sts.minted.find((m) => m.sessionName === sessionName);
    expect(main.env.AWS_ACCESS_KEY_ID).toBe(minted('prod')?.accessKeyId);
    const staging = w.sts.minted.find((m) => m.role === STAGING_ROLE);
    expect(readFileSync(main.env.AWS_SHARED_CREDENTIALS_FILE ?? '', 'utf8')).toContain(`[staging]\naws_access_key_id = ${staging?.accessKeyId ?? '-'}\n`);
    w.expectNoLeaks([main, await w.post({ credentials }, main)]);
  });

  it('writes one profile per account into a credentials file and a config file (region per profile), sets AWS_PROFILE from the default one, and never AWS_REGION', async () => {
    const w = await awsWorld();
    const credentials = [
      w.entry('\n  id: prod\n  profile: prod\n  default-profile: true'),
      `- provider: aws\n  id: staging\n  role: ${STAGING_ROLE}\n  region: us-west-2\n  sts-endpoint: ${w.sts.url}/\n  profile: staging`,
    ].join('\n');
    const main = await w.main({ credentials });

    expect(main.code, main.stdout).toBe(0);
    const shared = main.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
    const config = main.env.AWS_CONFIG_FILE ?? '';
    // AWS_REGION would override each profile's region in every SDK and the CLI.
    expect(main.env).toEqual({ AWS_SHARED_CREDENTIALS_FILE: shared, AWS_CONFIG_FILE: config, AWS_PROFILE: 'prod' });
    for (const file of [shared, config]) {
      expect(file.startsWith(w.job.temp)).toBe(true);
      expectMode(file, 0o600);
    }
    expect(readFileSync(config, 'utf8')).toBe('[profile prod]\nregion = eu-west-1\n\n[profile staging]\nregion = us-west-2\n');
    // Both exchanges run concurrently: find each account's session by its role, not by arrival.
    const prod = w.sts.minted.find((m) => m.role !== STAGING_ROLE);
    const staging = w.sts.minted.find((m) => m.role === STAGING_ROLE);
    const prodKey = prod?.accessKeyId;
    const stagingKey = staging?.accessKeyId;
    expect(readFileSync(shared, 'utf8')).toBe(
      `[prod]\naws_access_key_id = ${prodKey ?? '-'}\naws_secret_access_key = ${prod?.secretAccessKey ?? '-'}\naws_session_token = ${prod?.sessionToken ?? '-'}\n\n[staging]\naws_access_key_id = ${stagingKey ?? '-'}\naws_secret_access_key = ${staging?.secretAccessKey ?? '-'}\naws_session_token = ${staging?.sessionToken ?? '-'}\n`,
    );
    // The AWS SDK reads each profile from these files, and its default chain takes AWS_PROFILE.
    expect((await sdkCredentials(main.env, w.job.root, { profile: 'staging' })).accessKeyId).toBe(stagingKey);
    expect((await sdkCredentials(main.env, w.job.root, 'chain')).accessKeyId).toBe(prodKey);

    const post = await w.post({ credentials }, main);
    for (const file of [shared, config]) expect(() => statSync(file)).toThrow();
    w.expectNoLeaks([main, post]);
  });

  it('names the default profile [default] in the config file, as the SDKs expect', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: w.entry('\n  profile: default') });
    expect(main.code, main.stdout).toBe(0);
    expect(readFileSync(main.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe('[default]\nregion = eu-west-1\n');
    expect((await sdkCredentials({ AWS_SHARED_CREDENTIALS_FILE: main.env.AWS_SHARED_CREDENTIALS_FILE ?? '', AWS_CONFIG_FILE: main.env.AWS_CONFIG_FILE ?? '' }, w.job.root, 'chain')).accessKeyId).toBe(w.sts.issued[0]);
    w.expectNoLeaks([main, await w.post({ credentials: w.entry('\n  profile: default') }, main)]);
  });

  it('blanks keys and web-identity variables an earlier step set, when its default profile would lose to them; leaves them with no default profile', async () => {
    const w = await awsWorld();
    const earlier = { AWS_ACCESS_KEY_ID: 'AKIAEARLIERSTEP00000', AWS_SECRET_ACCESS_KEY: 'earlier-step-secret-0000000000', AWS_SESSION_TOKEN: 'earlier-step-session-0000000000', AWS_ROLE_ARN: ROLE };
    const withDefault = w.entry('\n  profile: ci\n  default-profile: true');
    const main = await w.main({ credentials: withDefault }, earlier);
    expect(main.code, main.stdout).toBe(0);
    expect(main.env).toMatchObject({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '', AWS_ROLE_ARN: '', AWS_PROFILE: 'ci' });
    expect((await sdkCredentials({ ...earlier, ...main.env }, w.job.root, 'chain')).accessKeyId).toBe(w.sts.issued[0]);

    // Without a default profile the earlier keys stay the job's default: a profile is used only by name.
    const named = await w.main({ credentials: w.entry('\n  profile: ci') }, earlier);
    expect(named.code, named.stdout).toBe(0);
    expect(Object.keys(named.env).sort()).toEqual(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']);
    w.expectNoLeaks([main, named, await w.post({ credentials: withDefault }, main, earlier), await w.post({ credentials: w.entry('\n  profile: ci') }, named, earlier)]);
  });
});

describe('provider: aws, account checks', () => {
  it('mask-account-id: the account is masked before the request, so logs, summary and audit show *** instead', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: w.entry('\n  mask-account-id: true') });
    expect(main.code, main.stdout).toBe(0);
    const maskAt = main.stdout.indexOf('::add-mask::123456789012');
    expect(maskAt).toBeGreaterThanOrEqual(0);
    expect(main.stdout.indexOf('123456789012')).toBe(maskAt + '::add-mask::'.length);
    expect(main.summary).not.toContain('123456789012');
    expect(main.summary).toContain('arn:aws:sts::***:assumed-role/ci/');
    expect(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')).not.toContain('123456789012');
    // A masked value is redacted from every public field Keyless writes, this output included.
    expect(main.outputs['aws-account-id']).toBe('***');
    w.expectNoLeaks([main]);
  });

  it('without mask-account-id, the account id is not masked: it is no secret, and masking it blanks every ARN', async () => {
    const w = await awsWorld();
    const main = await w.main({ credentials: w.entry() });
    expect(main.stdout).not.toContain('::add-mask::123456789012');
    expect(main.stdout).toContain(`arn:aws:sts::123456789012:assumed-role/ci/${SESSION}`);
  });

  it('allowed-account-ids: refuses credentials STS issued for another account, and hands out nothing', async () => {
    // An STS that answers for another account than the role's: a misdirected sts-endpoint, a confused service.
    const w = await awsWorld({ accountId: '999999999999' });
    const main = await w.main({ credentials: w.entry('\n  allowed-account-ids: ["123456789012", "111111111111"]') });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`aws "aws": AWS STS ${w.sts.url} issued credentials for account 999999999999, which allowed-account-ids does not list; they were not handed out`);
    expect(main.stdout).toContain('check sts-endpoint, AWS_ENDPOINT_URL_STS and role');
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('allowed-account-ids: takes an unquoted account id, as YAML reads it, and checks a chained role too', async () => {
    const w = await awsWorld();
    const credentials = `${w.entry('\n  id: ci\n  export: none\n  allowed-account-ids: "123456789012"')}\n- provider: aws\n  from: ci\n  role: ${CHAINED_ROLE}\n  sts-endpoint: ${w.sts.url}/\n  allowed-account-ids: [210987654321]`;
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs['aws-account-id']).toBe('210987654321');
    w.expectNoLeaks([main]);
  });

  it.each([
    ['an account the role is not in', 'allowed-account-ids: ["111111111111"]', 'allowed-account-ids (line 5): does not list the account of role; add the account, or correct role'],
    ['an account id YAML read as a number that lost its leading zero', 'allowed-account-ids: [012345678901]', 'allowed-account-ids (line 5): has an item that is not a 12-digit account id (quote ids that start with 0'],
    ['account ids of 11 digits', 'allowed-account-ids: ["12345678901", "1"]', 'allowed-account-ids (line 5): has 2 items that are not 12-digit account ids'],
    ['mask-account-id that is not a boolean', 'mask-account-id: sometimes', 'mask-account-id (line 5): must be true or false'],
  ])('refuses %s before any request', async (_name, line, message) => {
    const w = await awsWorld();
    const main = await w.main({ credentials: w.entry(`\n  ${line}`) });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(`credentials[0].${message}`);
    expect(w.runner.requests).toEqual([]);
  });
});
