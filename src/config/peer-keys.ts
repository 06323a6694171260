/**
 * The inputs of the actions Keyless replaces, by provider: a user migrating copies their `with:` keys
 * over, and each one should say what Keyless calls it (a string) or why it has no counterpart.
 */
type PeerKeys = Readonly<Record<string, string | { why: string }>>;

const STORED = { why: 'is a stored secret, which Keyless exists to remove: delete it (the runner OIDC token replaces it)' };
const EXPORT = 'export';
const AUDIENCE = 'oidc-audience';

const AWS: PeerKeys = {
  'role-to-assume': 'role',
  'aws-region': 'region',
  'role-duration-seconds': 'duration',
  'role-session-name': 'session-name',
  'inline-session-policy': 'session-policy',
  audience: AUDIENCE,
  'output-credentials': EXPORT,
  'aws-access-key-id': STORED,
  'aws-secret-access-key': STORED,
  'aws-session-token': STORED,
  'web-identity-token-file': { why: 'is not needed: Keyless requests the runner token itself' },
  'role-chaining': { why: 'is not supported yet: assume the final role directly, or trust the first role in its policy' },
  'role-external-id': { why: 'applies to chained roles, which Keyless does not assume yet' },
  'mask-aws-account-id': { why: 'is not needed: Keyless masks every credential; the account id in the role ARN is not a secret' },
};

const GCP: PeerKeys = {
  workload_identity_provider: 'workload-identity-provider',
  service_account: 'service-account',
  audience: AUDIENCE,
  project_id: 'project',
  access_token_lifetime: 'duration',
  access_token_scopes: 'scopes',
  access_token_subject: { why: '(domain-wide delegation) needs a service-account key, which Keyless never uses' },
  id_token_audience: 'id-token-audience',
  delegates: 'delegates',
  universe: 'universe',
  create_credentials_file: 'credentials-file',
  export_environment_variables: EXPORT,
  token_format: { why: 'is implied: Keyless mints an access token (or an ID token with id-token-audience)' },
  credentials_json: STORED,
  cleanup_credentials: { why: 'is not needed: the post step always deletes what Keyless wrote' },
};

const AZURE: PeerKeys = {
  creds: STORED,
  'client-secret': STORED,
  audience: AUDIENCE,
  environment: 'authority-host',
  'enable-AzPSSession': { why: 'is not supported: Keyless hands out tokens (mode: token) or SDK variables (mode: sdk), not an Az PowerShell session' },
  'allow-no-subscriptions': { why: 'is not needed: subscription-id is optional' },
  'auth-type': { why: 'is implied: Keyless always signs in with the runner OIDC token (federated credential)' },
};

const VAULT: PeerKeys = {
  method: { why: 'is implied: Keyless signs in with the JWT method and the runner OIDC token (every other method needs a stored secret)' },
  jwtGithubAudience: AUDIENCE,
  exportEnv: { why: 'is written with export: env (the default); exportEnv: false is export: outputs' },
  exportToken: 'export-token',
  outputToken: { why: 'is written export-token: true with export: outputs (the output <id>-token)' },
  secretEncodingType: 'secret-encoding-type',
  ignoreNotFound: 'ignore-not-found',
  extraHeaders: 'extra-headers',
  caCertificate: 'ca-certificate',
  clientCertificate: 'client-certificate',
  clientKey: 'client-key',
  tlsSkipVerify: { why: 'is not supported: Keyless always verifies the Vault\'s certificate; give its CA in ca-certificate' },
  pki: { why: 'is not supported: issuing a certificate is a write; set export-token: true and run vault write pki/issue/ROLE in a later step' },
  token: STORED,
  roleId: STORED,
  secretId: STORED,
  githubToken: STORED,
  username: STORED,
  password: STORED,
  authPayload: { why: 'is not needed: Keyless always sends {jwt, role} to the JWT method' },
  kubernetesTokenPath: { why: 'is not needed: on any runner, Kubernetes-hosted ones included, the runner OIDC token signs in with the JWT method' },
  jwtPrivateKey: STORED,
  jwtKeyPassword: STORED,
  jwtTtl: { why: 'is not needed: the runner OIDC token is GitHub\'s to sign; its lifetime is GitHub\'s too' },
};

const REGISTRY: PeerKeys = {
  registry: 'host',
  username: { why: 'is not needed: the login name comes with the credential' },
  password: { why: 'is a stored secret: name the entry that mints the credential in from: instead' },
  ecr: { why: 'is written "kind: ecr", with from: naming an aws entry' },
};

/** Each provider's peer action and its inputs; a unit test checks every Keyless key named here exists. */
export const PEERS: Readonly<Record<string, { action: string; keys: PeerKeys }>> = {
  aws: { action: 'aws-actions/configure-aws-credentials', keys: AWS },
  gcp: { action: 'google-github-actions/auth', keys: GCP },
  azure: { action: 'azure/login', keys: AZURE },
  vault: { action: 'hashicorp/vault-action', keys: VAULT },
  registry: { action: 'docker/login-action', keys: REGISTRY },
};

/** What to tell a user who wrote a peer action's input `key` in a `provider` entry, if it is one. */
export function peerKeyHint(provider: string, key: string): string | undefined {
  const peer = PEERS[provider];
  if (peer === undefined || !Object.hasOwn(peer.keys, key)) return undefined;
  const hint = peer.keys[key];
  if (hint === undefined) return undefined;
  return typeof hint === 'string' ? `is ${peer.action}'s input; Keyless calls it "${hint}"` : `(${peer.action}'s input) ${hint.why}`;
}
