import { sep } from 'node:path';
import { fingerprint } from '../audit/fingerprint.js';
import { KeylessError } from '../errors.js';
import { serverText } from '../http/json.js';
import { iniCanHold, iniSection } from '../sinks/formats/ini.js';
import type { AwsChainConfig, AwsConfig } from './aws-config.js';
import type { StsSession } from './aws-sts.js';
import type { Credential, CredentialFile, Handoff } from './types.js';

// How an STS session reaches later steps, the same for both kinds of aws entry: key variables, or a
// profile in a shared credentials file and a config file; in web-identity mode, what the SDKs need to
// assume the role themselves from the runner token file.

export const AWS_OUTPUTS = { public: ['account-id', 'arn', 'expires-at'], secret: ['access-key-id', 'secret-access-key', 'session-token'] } as const;
export type AwsCredential = Credential<typeof AWS_OUTPUTS>;

/** Either kind of entry, its region settled (a chained entry's defaults to its upstream's). */
export type Settled = (AwsConfig | AwsChainConfig) & { region: string };

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
/** Over AWS_PROFILE, the SDKs and the CLI prefer keys in the environment, and the CLI web-identity variables too. */
const OVER_PROFILE = [...KEYS, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
/** Over the web-identity variables, the SDKs prefer keys in the environment and a profile (AWS_PROFILE). */
const OVER_TOKEN_FILE = [...KEYS, 'AWS_PROFILE'];
const ASSUMED_ROLE = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\//;
const TOKEN_FILE = 'aws-web-identity-token';

/**
 * The account in the assumed-role ARN STS answered, checked against allowed-account-ids (the role's own
 * account was checked before any request: this catches an STS that answered for another), and masked
 * with mask-account-id.
 */
export function checkAccount(config: Settled, session: StsSession, what: string, mask: (secret: string) => void): string {
  const account = ASSUMED_ROLE.exec(session.arn)?.[1];
  if (config.maskAccountId && account !== undefined) mask(account);
  if (config.allowedAccounts === undefined) return account ?? session.arn.split(':')[4] ?? '';
  if (account === undefined) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${what} answered an AssumedRoleUser ARN that names no account, so allowed-account-ids cannot be checked`, {
      hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS',
    });
  }
  if (!config.allowedAccounts.includes(account)) {
    throw new KeylessError('EXCHANGE_DENIED', `${what} issued credentials for account ${account}, which allowed-account-ids does not list; they were not handed out`, {
      hint: 'the endpoint is not the STS you expect, or the role trusts more than it should: check sts-endpoint, AWS_ENDPOINT_URL_STS and role',
    });
  }
  return account;
}

/**
 * The assumed-role ARN STS answered must be the role and session asked for
 * (`arn:P:iam::A:role/path/Name` → `arn:P:sts::A:assumed-role/Name/session`): the ✓ line, the audit record
 * and the `arn` output print it, and an entry built on this one takes its session name from it. IAM role
 * names are unique regardless of case, so the name's case may differ; nothing else may.
 */
export function checkAssumedRole(role: string, sessionName: string, session: StsSession, what: string): void {
  const [, partition = '', , , account = '', resource = ''] = role.split(':');
  const name = resource.split('/').pop() ?? '';
  const prefix = `arn:${partition}:sts::${account}:assumed-role/`;
  const answered = session.arn.startsWith(prefix) ? session.arn.slice(prefix.length) : undefined;
  const slash = answered?.lastIndexOf('/') ?? -1;
  const roleName = answered?.slice(0, slash) ?? '';
  // ASCII only: toLowerCase() folds some other letters (the Kelvin sign) onto ASCII ones.
  const sameRole = /^[\w+=,.@-]{1,64}$/.test(roleName) && roleName.toLowerCase() === name.toLowerCase();
  if (sameRole && answered?.slice(slash + 1) === sessionName) return;
  throw new KeylessError(
    'EXCHANGE_DENIED',
    `${what} was asked for role ${role} with session name ${sessionName}, and answered credentials for ${serverText(session.arn, 200) ?? 'another principal'} instead (expected ${prefix}${name}/${sessionName}); they were not handed out`,
    { hint: 'the endpoint is not the STS you expect, or answers for another role: check sts-endpoint, AWS_ENDPOINT_URL_STS and role' },
  );
}

/** The session's keys for later steps: variables, or a profile (with its region in the config file). */
export async function keysCredential(config: Settled, session: StsSession, account: string, endpoint: URL): Promise<AwsCredential> {
  const keys = { AWS_ACCESS_KEY_ID: session.accessKeyId, AWS_SECRET_ACCESS_KEY: session.secretAccessKey, AWS_SESSION_TOKEN: session.sessionToken };
  const { profile } = config;
  const files: CredentialFile[] =
    profile === undefined
      ? []
      : [
          {
            env: 'AWS_SHARED_CREDENTIALS_FILE',
            name: 'aws-credentials',
            content: iniSection(profile, { aws_access_key_id: keys.AWS_ACCESS_KEY_ID, aws_secret_access_key: keys.AWS_SECRET_ACCESS_KEY, aws_session_token: keys.AWS_SESSION_TOKEN }, 'the AWS shared credentials file'),
          },
          { env: 'AWS_CONFIG_FILE', name: 'aws-config', content: iniSection(configSection(profile), { region: config.region }, 'the AWS config file') },
        ];
  return {
    env: profile === undefined ? keys : {},
    publicEnv: publicEnv(config),
    files,
    ...(config.defaultProfile ? { shadowedBy: OVER_PROFILE } : {}),
    secretOutputs: { 'access-key-id': keys.AWS_ACCESS_KEY_ID, 'secret-access-key': keys.AWS_SECRET_ACCESS_KEY, 'session-token': keys.AWS_SESSION_TOKEN },
    publicOutputs: { 'account-id': account, arn: session.arn, 'expires-at': session.expiresAt },
    info: {
      principal: session.arn,
      expiresAt: session.expiresAt,
      tokenType: 'AWS STS session',
      endpoint: `${endpoint.origin}${endpoint.pathname}`,
      attempts: session.attempts,
      fingerprint: await fingerprint(session.accessKeyId),
    },
    irrevocable: 'STS session credentials cannot be revoked one by one; they expire on their own',
    handoff: handoff(session, config.region),
  };
}

/**
 * `mode: web-identity`: no keys, but the runner token in a file and the role to assume with it, which every
 * AWS SDK and the CLI read (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_SESSION_NAME, or the same in
 * a profile) and renew on their own. `session` is the one validating exchange: it proves the trust policy
 * here, and is what an entry built on this one uses.
 */
export async function webIdentityCredential(config: AwsConfig, session: StsSession, account: string, endpoint: URL, token: { jwt: string; sessionName: string }): Promise<AwsCredential> {
  const { profile } = config;
  const variables = { AWS_ROLE_ARN: config.role, AWS_ROLE_SESSION_NAME: token.sessionName };
  const files: CredentialFile[] =
    profile === undefined
      ? [{ env: 'AWS_WEB_IDENTITY_TOKEN_FILE', name: TOKEN_FILE, content: token.jwt, oidcToken: true }]
      : [
          { name: TOKEN_FILE, content: token.jwt, oidcToken: true },
          {
            env: 'AWS_CONFIG_FILE',
            name: 'aws-config',
            content: (pathOf) =>
              iniSection(
                configSection(profile),
                { role_arn: config.role, web_identity_token_file: iniPath(pathOf(TOKEN_FILE)), role_session_name: token.sessionName, region: config.region },
                'the AWS config file',
              ),
          },
        ];
  // A custom STS endpoint is where the SDKs must assume the role too; in a profile, the AWS config file's
  // per-service endpoints would need a [services] section, so AWS_ENDPOINT_URL_STS stays the way to set it.
  const endpointVariable = profile === undefined && config.stsEndpoint ? { AWS_ENDPOINT_URL_STS: config.stsEndpoint.href } : {};
  return {
    env: {},
    publicEnv: { ...publicEnv(config), ...(profile === undefined ? { ...variables, ...endpointVariable } : {}) },
    files,
    shadowedBy: profile === undefined ? OVER_TOKEN_FILE : config.defaultProfile ? OVER_PROFILE : [],
    refreshable: true,
    secretOutputs: {},
    publicOutputs: { 'account-id': account, arn: session.arn },
    info: {
      principal: session.arn,
      tokenType: 'web identity token file for AWS SDKs',
      endpoint: `${endpoint.origin}${endpoint.pathname}`,
      attempts: session.attempts,
      fingerprint: await fingerprint(token.jwt),
    },
    irrevocable: 'the token file is deleted; sessions the SDKs assumed with it expire on their own (1 hour)',
    handoff: handoff(session, config.region),
  };
}

/** A profile's region goes in the config file: AWS_REGION would override every profile's. */
function publicEnv(config: Settled): Record<string, string> {
  if (config.profile === undefined) return { AWS_REGION: config.region, AWS_DEFAULT_REGION: config.region };
  return config.defaultProfile ? { AWS_PROFILE: config.profile } : {};
}

/** The config file names every profile `[profile NAME]`, except `[default]`. */
function configSection(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}

/** A path as the config file can hold it: `/` on Windows too (every SDK opens it), nothing INI readers disagree on. */
function iniPath(path: string): string {
  const portable = path.split(sep).join('/');
  if (iniCanHold(portable)) return portable;
  throw new KeylessError('INPUT_INVALID', 'the folder for credential files (under RUNNER_TEMP) has a space, quote or other character the AWS config file cannot hold, so the profile cannot name its token file', {
    hint: 'drop profile: (the path then goes in AWS_WEB_IDENTITY_TOKEN_FILE), or run where RUNNER_TEMP has no such character',
  });
}

function handoff(session: StsSession, region: string): Handoff {
  const sessionName = /\/([\w+=,.@-]{2,64})$/.exec(session.arn)?.[1];
  return { kind: 'aws', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, region, ...(sessionName ? { sessionName } : {}) };
}
