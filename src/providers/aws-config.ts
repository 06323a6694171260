import type { FieldReader } from '../config/fields.js';
import type { ExclusiveClaim, VariablePlaces } from './types.js';

// The keys of an `aws` entry. One reader serves both kinds of entry, so each names the keys that belong
// to the other kind with the reason, instead of calling them unknown: an entry with `from:` assumes its
// role with another aws entry's keys (AssumeRole), one without assumes it with the runner token
// (AssumeRoleWithWebIdentity).

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const PROFILE = /^[\w.-]{1,64}$/;
const ACCOUNT = /^\d{12}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
// STS's tag alphabet: letters, digits, spaces and _ . : / = + - @ (keys 1–128, values 0–256).
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const MAX_TAGS = 50;
/** AWS caps a session assumed with another role's session (role chaining) at one hour. */
export const CHAINED_MAX_SECONDS = 3600;

export type AwsMode = 'keys' | 'web-identity';

interface Common {
  role: string;
  durationSeconds: number;
  sessionName?: string;
  sessionPolicy?: string;
  managedPolicies: string[];
  stsEndpoint?: URL;
  profile?: string;
  /** This entry's profile is the job's AWS_PROFILE. */
  defaultProfile: boolean;
  maskAccountId: boolean;
  /** Accounts the credentials may be for; any when absent. */
  allowedAccounts?: string[];
}

/** An entry that assumes its role with the runner token. */
export interface AwsConfig extends Common {
  region: string;
  mode: AwsMode;
}

/** An entry that assumes its role with the keys of the aws entry named in `from`. */
export interface AwsChainConfig extends Common {
  from: string;
  /** The upstream entry's region when absent. */
  region?: string;
  externalId?: string;
  sessionTags: [key: string, value: string][];
  transitiveTagKeys: string[];
}

export function readAwsConfig(fields: FieldReader, chained: false): AwsConfig | undefined;
export function readAwsConfig(fields: FieldReader, chained: true): AwsChainConfig | undefined;
export function readAwsConfig(fields: FieldReader, chained: boolean): AwsConfig | AwsChainConfig | undefined {
  const role = fields.string('role', { required: true, pattern: ROLE_ARN, expected: 'a role ARN, arn:aws:iam::123456789012:role/NAME' });
  const region = fields.string('region', { required: !chained, pattern: REGION, expected: 'an AWS region such as us-east-1' });
  const mode = fields.oneOf('mode', ['keys', 'web-identity'] as const, 'keys');
  const webIdentity = mode === 'web-identity';
  const durationSeconds = readDuration(fields, chained, webIdentity);
  const sessionName = fields.string('session-name', { pattern: SESSION_NAME, expected: '2–64 characters of [A-Za-z0-9_+=,.@-]' });
  const { sessionPolicy, managedPolicies } = readPolicies(fields, webIdentity);
  const stsEndpoint = fields.url('sts-endpoint');
  const profile = fields.string('profile', { pattern: PROFILE, expected: 'a profile name of [A-Za-z0-9_.-]' });
  const defaultProfile = fields.boolean('default-profile', false);
  if (defaultProfile && profile === undefined) fields.report('default-profile', 'needs profile: it makes that profile the job\'s AWS_PROFILE');
  const maskAccountId = fields.boolean('mask-account-id', false);
  const allowedAccounts = readAllowedAccounts(fields, role);
  const from = fields.string('from', { required: chained, expected: 'the id of the aws entry whose credentials assume this role' });
  const externalId = fields.string('external-id', { pattern: EXTERNAL_ID, expected: '2–1224 characters of [A-Za-z0-9_+=,.@:/-]' });
  const sessionTags = readSessionTags(fields);
  const transitiveTagKeys = readTransitiveKeys(fields, sessionTags);
  if (chained && webIdentity) {
    fields.report('mode', 'web-identity applies to an entry without from: the SDKs assume a role from the runner token file themselves, and cannot chain from another entry\'s session; remove mode, or drop from: and trust the runner token in this role\'s trust policy');
  }
  if (!chained) reportChainOnly(fields);
  if (role === undefined || (!chained && region === undefined)) return undefined;
  const common: Common = { role, durationSeconds, managedPolicies, defaultProfile, maskAccountId };
  const optional = { sessionName, sessionPolicy, stsEndpoint, profile, allowedAccounts };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(common, { [key]: value });
  if (!chained) return { ...common, region: region as string, mode };
  if (from === undefined) return undefined;
  return { ...common, from, sessionTags, transitiveTagKeys, ...(region ? { region } : {}), ...(externalId ? { externalId } : {}) };
}

function readDuration(fields: FieldReader, chained: boolean, webIdentity: boolean): number {
  if (webIdentity && fields.has('duration')) {
    fields.report('duration', 'does not apply with mode web-identity: the SDKs choose their session length (1 hour) and renew it from the token file; remove duration');
  }
  const seconds = fields.duration('duration', 900, 43_200);
  if (chained && seconds !== undefined && seconds > CHAINED_MAX_SECONDS) {
    fields.report('duration', `is over 1 hour, which AWS refuses for a role assumed with another role's session (role chaining); at most 1h`);
    return CHAINED_MAX_SECONDS;
  }
  return seconds ?? 900;
}

function readPolicies(fields: FieldReader, webIdentity: boolean): { sessionPolicy?: string; managedPolicies: string[] } {
  const policyText = fields.string('session-policy', { expected: 'an IAM policy document as JSON' });
  const managedPolicies = fields.strings('managed-session-policies') ?? [];
  managedPolicies.forEach((arn, i) => {
    if (!POLICY_ARN.test(arn)) fields.report('managed-session-policies', `item ${i + 1} is not a policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`);
  });
  if (managedPolicies.length > 10) fields.report('managed-session-policies', 'AWS accepts at most 10 managed session policies');
  if (webIdentity) {
    for (const key of ['session-policy', 'managed-session-policies']) {
      if (fields.has(key)) fields.report(key, 'does not apply with mode web-identity: the SDKs assume the role from the token file without any session policy, so their sessions would not be scoped by it; scope the role itself, or use mode keys');
    }
  }
  const sessionPolicy = policyText === undefined ? undefined : minifiedJson(policyText, fields);
  return { ...(sessionPolicy === undefined ? {} : { sessionPolicy }), managedPolicies };
}

function minifiedJson(text: string, fields: FieldReader): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    fields.report('session-policy', 'is not valid JSON');
    return undefined;
  }
}

/** The allowed accounts; the role's own account must be one, so a mismatch fails before any request. */
function readAllowedAccounts(fields: FieldReader, role: string | undefined): string[] | undefined {
  const raw = fields.value('allowed-account-ids');
  if (raw === undefined) return undefined;
  // Unquoted in YAML, an account id is a number: taken as written, but one that lost a leading zero is refused.
  const accounts = (Array.isArray(raw) ? raw : [raw]).map((item) => (typeof item === 'string' || (typeof item === 'number' && Number.isInteger(item)) ? String(item) : ''));
  const bad = accounts.filter((account) => !ACCOUNT.test(account)).length;
  if (accounts.length === 0 || bad > 0) {
    const what = accounts.length === 0 ? 'is an empty list' : bad === 1 ? 'has an item that is not a 12-digit account id' : `has ${bad} items that are not 12-digit account ids`;
    fields.report('allowed-account-ids', `${what} (quote ids that start with 0: "012345678901")`);
    return undefined;
  }
  const account = role?.split(':')[4];
  if (account !== undefined && !accounts.includes(account)) {
    fields.report('allowed-account-ids', 'does not list the account of role; add the account, or correct role');
  }
  return accounts;
}

function readSessionTags(fields: FieldReader): [string, string][] {
  const raw = fields.mapping('session-tags');
  if (raw === undefined) return [];
  const tags: [string, string][] = [];
  const seen = new Map<string, number>();
  // Tags are named by position, never quoted: a value pasted in the wrong place stays out of the log.
  Object.entries(raw).forEach(([key, value], i) => {
    const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    const earlier = seen.get(key.toLowerCase());
    if (!TAG_KEY.test(key) || /^aws:/i.test(key)) {
      fields.report('session-tags', `tag ${i + 1} has a key that is not 1–128 letters, digits, spaces or _.:/=+-@ (and may not start with aws:)`);
    } else if (text === undefined || !TAG_VALUE.test(text)) {
      fields.report('session-tags', `tag ${i + 1} has a value that is not 0–256 letters, digits, spaces or _.:/=+-@`);
    } else if (earlier !== undefined) {
      fields.report('session-tags', `tags ${earlier} and ${i + 1} have the same key but for case, which AWS takes for one`);
    } else {
      seen.set(key.toLowerCase(), i + 1);
      tags.push([key, text]);
    }
  });
  if (tags.length > MAX_TAGS) fields.report('session-tags', `has ${tags.length} tags; AWS accepts at most ${MAX_TAGS}`);
  return tags;
}

function readTransitiveKeys(fields: FieldReader, tags: readonly [string, string][]): string[] {
  const keys = fields.strings('transitive-tag-keys') ?? [];
  const missing = keys.filter((key) => !tags.some(([tag]) => tag === key));
  if (missing.length > 0) fields.report('transitive-tag-keys', `names ${missing.length === 1 ? 'a key' : 'keys'} not in session-tags; list each key in session-tags too`);
  return keys;
}

/** Keys of AssumeRole that AssumeRoleWithWebIdentity has no parameter for. */
function reportChainOnly(fields: FieldReader): void {
  if (fields.has('session-tags')) {
    fields.report('session-tags', 'AssumeRoleWithWebIdentity takes session tags from the token, not the request; tag a role assumed with from: instead (role chaining), or tag the role itself');
  }
  for (const key of ['external-id', 'transitive-tag-keys']) {
    if (fields.has(key)) fields.report(key, 'applies to a role assumed with another aws entry\'s keys (from:, role chaining); AssumeRoleWithWebIdentity has no such parameter');
  }
}

const ENVIRONMENT = 'the AWS variables of the environment';

/**
 * What only one entry may have: the AWS variables of the environment (a second set of keys or of
 * web-identity variables would silently replace the first, and keys there take precedence over any
 * AWS_PROFILE), and each profile name.
 */
export function awsExclusive(config: AwsConfig | AwsChainConfig, places: VariablePlaces): ExclusiveClaim[] {
  if (places.size === 0) return [];
  if (config.profile === undefined) {
    return [{
      key: ENVIRONMENT,
      message: (other) => `hands its AWS credentials to later steps through the environment, where ${other} already puts AWS's; the later entry would silently replace or override the earlier. Give each entry a profile (one of them default-profile: true for AWS_PROFILE), or export one as outputs or none`,
    }];
  }
  const claims: ExclusiveClaim[] = [{ key: `aws profile ${config.profile}`, field: 'profile', message: (other) => `names the profile ${config.profile ?? ''}, as ${other} does; give each entry its own profile` }];
  if (config.defaultProfile) {
    claims.push({
      key: ENVIRONMENT,
      field: 'default-profile',
      message: (other) => `sets AWS_PROFILE, where ${other} already puts AWS credentials in the environment (keys there would take precedence over any profile, and only one profile can be the default); keep one`,
    });
  }
  return claims;
}
