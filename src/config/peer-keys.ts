/**
 * The inputs of the actions Keyless replaces, by provider: a user migrating copies their `with:` keys
 * over, and each one should say what Keyless calls it (a string) or why it has no counterpart.
 */
type PeerKeys = Readonly<Record<string, string | { why: string }>>;

const STORED = { why: 'is a stored secret, which Keyless exists to remove: delete it (the runner OIDC token replaces it)' };
const EXPORT = 'export';
const AUDIENCE = 'oidc-audience';

const AWS: PeerKeys = {
  'aws-region': 'region',
  'role-to-assume': 'role',
  'role-duration-seconds': 'duration',
  'role-session-name': 'session-name',
  'role-external-id': 'external-id',
  'role-chaining': { why: 'is written "from: ID" on the entry of the role to assume, naming the aws entry whose session assumes it (an AssumeRole signed with that session)' },
  'transitive-tag-keys': 'transitive-tag-keys',
  'custom-tags': { why: 'is written "session-tags" as a YAML mapping, on an entry with from: (AssumeRoleWithWebIdentity takes no tags but the token\'s)' },
  'role-skip-session-tagging': { why: 'is not needed: Keyless adds no session tags of its own (the peer tags every AssumeRole, which needs sts:TagSession); an entry sends only the session-tags it lists' },
  'inline-session-policy': 'session-policy',
  'managed-session-policies': 'managed-session-policies',
  audience: AUDIENCE,
  'aws-profile': 'profile',
  'overwrite-aws-profile': { why: 'is not needed: Keyless writes fresh files under RUNNER_TEMP, never ~/.aws, so there is nothing to overwrite; two entries naming one profile are refused' },
  'output-credentials': EXPORT,
  'output-env-credentials': EXPORT,
  'unset-current-credentials': {
    why: 'is automatic: keys in the environment are replaced by an entry that exports keys, and blanked where they would take precedence over what an entry hands out (default-profile: true, mode: web-identity)',
  },
  'mask-aws-account-id': 'mask-account-id',
  'allowed-account-ids': 'allowed-account-ids',
  'sts-endpoint': 'sts-endpoint',
  'http-proxy': { why: 'is not needed: Keyless honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment' },
  'no-proxy': { why: 'is not needed: Keyless honours NO_PROXY from the environment' },
  'disable-retry': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
  'retry-max-attempts': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
  'special-characters-workaround': {
    why: 'is not needed: Keyless hands each key over byte for byte, and minting sessions until a secret has no / or + only hides a later tool that alters it (Git Bash turns a value starting with / into a Windows path); with profile: the keys stay in a file',
  },
  'use-existing-credentials': { why: 'is not supported: Keyless always mints fresh credentials from the runner token; skip the step with if: to keep earlier ones' },
  'force-skip-oidc': { why: 'is not supported: Keyless signs in with the runner OIDC token only; on a runner with an instance role, skip this step' },
  'action-timeout-s': { why: 'is not needed: every request has a timeout (the http-timeout input) and retries are bounded' },
  'aws-access-key-id': STORED,
  'aws-secret-access-key': STORED,
  'aws-session-token': STORED,
  'web-identity-token-file': { why: 'is not needed: Keyless requests the runner token itself (mode: web-identity writes one for the SDKs)' },
};

const GCP: PeerKeys = {
  workload_identity_provider: 'workload-identity-provider',
  service_account: 'service-account',
  audience: AUDIENCE,
  project_id: 'project-id',
  access_token_lifetime: 'duration',
  access_token_scopes: 'scopes',
  access_token_subject: 'access-token-subject',
  id_token_audience: 'id-token-audience',
  id_token_include_email: { why: 'is not needed: Keyless always asks for the email and email_verified claims (includeEmail: true), which the receiving service checks' },
  delegates: 'delegates',
  universe: 'universe',
  request_reason: 'request-reason',
  create_credentials_file: 'credentials-file',
  export_environment_variables: EXPORT,
  token_format: { why: 'is implied: Keyless always mints an access token (CLOUDSDK_AUTH_ACCESS_TOKEN, output <id>-access-token), and an ID token too with id-token-audience' },
  credentials_json: STORED,
  cleanup_credentials: { why: 'is not needed: the post step always deletes what Keyless wrote' },
};

const AZURE: PeerKeys = {
  creds: { why: 'holds a client secret, which Keyless exists to remove: delete it and use client-id, tenant-id and subscription-id (the runner OIDC token replaces the secret; its resourceManagerEndpointUrl is resource-manager-endpoint)' },
  audience: AUDIENCE,
  'auth-type': {
    why: 'is implied: Keyless signs in as the app with the runner OIDC token (SERVICE_PRINCIPAL). IDENTITY, the managed identity of the VM a self-hosted runner runs on, is out of scope: it belongs to the machine and every job on it, not to this job; run az login --identity in a step of its own',
  },
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
  scope: { why: 'is not needed: it scopes a Docker Hub token, and the registries Keyless logs in to (gar, acr, ecr, ghcr) scope the credential by the upstream entry\'s role' },
  logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
  'registry-auth': { why: 'is written as one registry entry per registry kind, each with its host list' },
};

/** docker/login-action's inputs for a Quay login, which a quay entry replaces with robot federation. */
const QUAY: PeerKeys = {
  registry: { why: 'is written url: https://HOST, and only for a Quay other than quay.io (the default)' },
  username: 'robot',
  password: { why: 'is the robot\'s stored password: delete it, robot federation takes the runner OIDC token instead' },
  logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
};

const UPLOAD = { why: 'is an option of the upload, not of the credential: keep the upload step (twine upload, uv publish) and give it there' };

const PYPI: PeerKeys = {
  user: { why: 'is not needed: Keyless exports TWINE_USERNAME=__token__' },
  password: STORED,
  'repository-url': { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
  repository_url: { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
  'packages-dir': UPLOAD,
  packages_dir: UPLOAD,
  'verify-metadata': UPLOAD,
  verify_metadata: UPLOAD,
  'skip-existing': UPLOAD,
  skip_existing: UPLOAD,
  verbose: UPLOAD,
  'print-hash': UPLOAD,
  print_hash: UPLOAD,
  attestations: { why: 'is the upload step\'s job: PEP 740 attestations are signed over the files uploaded, so keep pypa/gh-action-pypi-publish for the upload (it mints its own token) or sign them before twine upload --attestations' },
};

const CRATES: PeerKeys = {
  url: 'registry',
};

const RUBYGEMS: PeerKeys = {
  audience: AUDIENCE,
  'role-to-assume': 'role',
  'api-token': STORED,
  'trusted-publisher': { why: 'is implied: without role, Keyless uses trusted publishing' },
};

const GITHUB: PeerKeys = {
  domain: { why: 'is written "sts-url: https://DOMAIN": a URL, the audience being its host' },
};

/** What jfrog/setup-jfrog-cli does besides the sign-in: installing and configuring the JFrog CLI, which it still does after Keyless. */
const JFROG_CLI = { why: 'configures the JFrog CLI, which Keyless does not install: keep jfrog/setup-jfrog-cli for it, without oidc-provider-name, in a step after Keyless (it reads JF_URL and JF_ACCESS_TOKEN)' };

const JFROG: PeerKeys = {
  'oidc-provider-name': 'provider-name',
  version: JFROG_CLI,
  'download-repository': JFROG_CLI,
  'disable-job-summary': JFROG_CLI,
  'disable-auto-build-publish': JFROG_CLI,
  'disable-auto-evidence-collection': JFROG_CLI,
  'custom-server-id': JFROG_CLI,
  'ghe-base-url': JFROG_CLI,
  ghe_base_url: JFROG_CLI,
  'enable-package-alias': JFROG_CLI,
  'package-alias-tools': JFROG_CLI,
};

/** Each provider's peer action and its inputs; a unit test checks every Keyless key named here exists. */
export const PEERS: Readonly<Record<string, { action: string; keys: PeerKeys }>> = {
  aws: { action: 'aws-actions/configure-aws-credentials', keys: AWS },
  gcp: { action: 'google-github-actions/auth', keys: GCP },
  azure: { action: 'azure/login', keys: AZURE },
  vault: { action: 'hashicorp/vault-action', keys: VAULT },
  registry: { action: 'docker/login-action', keys: REGISTRY },
  pypi: { action: 'pypa/gh-action-pypi-publish', keys: PYPI },
  crates: { action: 'rust-lang/crates-io-auth-action', keys: CRATES },
  rubygems: { action: 'rubygems/configure-rubygems-credentials', keys: RUBYGEMS },
  github: { action: 'octo-sts/action', keys: GITHUB },
  jfrog: { action: 'jfrog/setup-jfrog-cli', keys: JFROG },
  quay: { action: 'docker/login-action', keys: QUAY },
};

/** What to tell a user who wrote a peer action's input `key` in a `provider` entry, if it is one. */
export function peerKeyHint(provider: string, key: string): string | undefined {
  const peer = PEERS[provider];
  if (peer === undefined || !Object.hasOwn(peer.keys, key)) return undefined;
  const hint = peer.keys[key];
  if (hint === undefined) return undefined;
  return typeof hint === 'string' ? `is ${peer.action}'s input; Keyless calls it "${hint}"` : `(${peer.action}'s input) ${hint.why}`;
}
