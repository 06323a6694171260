import type { FieldReader } from '../config/fields.js';
import { describe } from '../config/fields.js';

const PROVIDER_NAME = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const UNIVERSE = /^[a-z0-9.-]+\.[a-z]{2,}$/;
/** A user-managed service account: its domain names the project it lives in (a service agent's, gcp-sa-*, names a service). */
const PROJECT_ACCOUNT = /^[^@\s/]+@(?!gcp-sa-)([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
/**
 * Sent as an HTTP header: printable ASCII only, so no line break can end the header and nothing outside
 * Latin-1 makes Node refuse the request.
 */
const REASON = /^[\x20-\x7e]{1,1024}$/;
/** Google refuses a domain-wide delegation JWT whose exp is more than an hour after its iat. */
const DELEGATION_MAX_SECONDS = 3600;

export interface AccessBoundaryRule {
  availableResource: string;
  availablePermissions: string[];
  availabilityCondition?: { expression: string; title?: string };
}

export interface GcpConfig {
  provider: string;
  serviceAccount?: string;
  /** Given, or derived from the service account's e-mail. */
  projectId?: string;
  scopes: string[];
  lifetimeSeconds: number;
  delegates: string[];
  idTokenAudience?: string;
  accessBoundary?: AccessBoundaryRule[];
  /** A Workspace user the service account acts as (domain-wide delegation). */
  accessTokenSubject?: string;
  requestReason?: string;
  credentialsFile: boolean;
  universe: string;
  stsEndpoint: URL;
  iamEndpoint: URL;
  oauthTokenEndpoint: URL;
  revokeEndpoint: URL;
}

/**
 * The project of `NAME@PROJECT.iam.gserviceaccount.com`. Other domains name no project: the peer takes the
 * first label of any domain, which turns the Compute default account (`N-compute@developer.gserviceaccount.com`)
 * into a project called "developer".
 */
export function projectOfServiceAccount(email: string | undefined): string | undefined {
  return email === undefined ? undefined : PROJECT_ACCOUNT.exec(email)?.[1];
}

export function readGcp(fields: FieldReader): GcpConfig | undefined {
  const provider = fields.string('workload-identity-provider', {
    required: true,
    pattern: PROVIDER_NAME,
    expected: 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
  });
  const serviceAccount = fields.string('service-account', { pattern: EMAIL, expected: 'a service account email' });
  const projectId = fields.string('project-id', { pattern: PROJECT, expected: 'a project id (6–30 lower-case letters, digits and dashes)' });
  const universe = fields.string('universe', { pattern: UNIVERSE, expected: 'a domain such as googleapis.com' }) ?? 'googleapis.com';
  const scopes = fields.strings('scopes') ?? [`https://www.${universe}/auth/cloud-platform`];
  const lifetime = fields.duration('duration', 1, 43_200);
  const delegates = fields.strings('delegates') ?? [];
  const idTokenAudience = fields.string('id-token-audience');
  const accessBoundary = readBoundary(fields);
  const accessTokenSubject = fields.string('access-token-subject', { pattern: EMAIL, expected: "a Workspace user's email" });
  const requestReason = fields.string('request-reason', { pattern: REASON, expected: 'printable ASCII text of at most 1024 characters, on one line (it is sent as the X-Goog-Request-Reason header)' });
  // The ADC file hands client libraries the undownscoped identity: with a boundary, it is opt-in and refused.
  const credentialsFile = fields.boolean('credentials-file', accessBoundary === undefined);
  const stsEndpoint = fields.url('sts-endpoint') ?? new URL(`https://sts.${universe}/v1/token`);
  const iamEndpoint = fields.url('iamcredentials-endpoint') ?? new URL(`https://iamcredentials.${universe}/`);
  const oauthTokenEndpoint = fields.url('oauth-token-endpoint') ?? new URL(`https://oauth2.${universe}/token`);
  const revokeEndpoint = fields.url('revoke-endpoint') ?? new URL(`https://oauth2.${universe}/revoke`);
  for (const key of ['duration', 'delegates', 'id-token-audience', 'access-token-subject'] as const) {
    if (fields.has(key) && serviceAccount === undefined) fields.report(key, 'applies only with service-account (federated tokens are not impersonated)');
  }
  checkCombinations(fields, { accessBoundary, accessTokenSubject, credentialsFile, lifetime });
  if (provider === undefined) return undefined;
  const config: GcpConfig = {
    provider,
    scopes,
    lifetimeSeconds: lifetime ?? 900,
    delegates,
    credentialsFile,
    universe,
    stsEndpoint,
    iamEndpoint,
    oauthTokenEndpoint,
    revokeEndpoint,
  };
  const project = projectId ?? projectOfServiceAccount(serviceAccount);
  for (const [key, value] of Object.entries({ serviceAccount, projectId: project, idTokenAudience, accessBoundary, accessTokenSubject, requestReason })) {
    if (value !== undefined) Object.assign(config, { [key]: value });
  }
  return config;
}

function checkCombinations(
  fields: FieldReader,
  given: { accessBoundary: AccessBoundaryRule[] | undefined; accessTokenSubject: string | undefined; credentialsFile: boolean; lifetime: number | undefined },
): void {
  if (given.accessBoundary !== undefined && given.credentialsFile) {
    fields.report('credentials-file', 'cannot be true with access-boundary: client libraries reading the file would mint tokens without the boundary; use the exported access token');
  }
  if (given.accessTokenSubject === undefined) return;
  if (given.accessBoundary !== undefined) {
    fields.report('access-boundary', "cannot downscope a domain-wide delegation token (a boundary restricts Cloud Storage; the user's token is for Workspace APIs); drop one of the two");
  }
  if (given.lifetime !== undefined && given.lifetime > DELEGATION_MAX_SECONDS) {
    fields.report('duration', 'is at most 1h with access-token-subject: Google refuses a domain-wide delegation token that lives longer');
  }
}

/** `access-boundary`: a list of `{resource, permissions, condition?}`, Google's Credential Access Boundary rules. */
function readBoundary(fields: FieldReader): AccessBoundaryRule[] | undefined {
  const raw = fields.list('access-boundary');
  if (raw === undefined) return undefined;
  const rules: AccessBoundaryRule[] = [];
  for (const [i, rule] of raw.entries()) {
    const resource = isRecord(rule) ? rule.resource : undefined;
    const permissions = isRecord(rule) ? rule.permissions : undefined;
    const condition = isRecord(rule) ? rule.condition : undefined;
    const validPermissions = Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => typeof p === 'string' && p.startsWith('inRole:'));
    if (typeof resource !== 'string' || !validPermissions || (condition !== undefined && typeof condition !== 'string')) {
      fields.report('access-boundary', `rule ${i} must be {resource: //storage.googleapis.com/projects/_/buckets/NAME, permissions: [inRole:ROLE], condition?: CEL}, not ${describe(rule)}`);
      continue;
    }
    rules.push({ availableResource: resource, availablePermissions: permissions as string[], ...(condition ? { availabilityCondition: { expression: condition } } : {}) });
  }
  if (rules.length > 10) fields.report('access-boundary', 'Google accepts at most 10 rules');
  return rules;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
