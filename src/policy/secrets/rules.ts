/** What a stored secret is, by the Keyless provider that replaces it. */
export const KINDS = ['aws', 'gcp', 'azure', 'docker', 'npm', 'pypi', 'crates', 'rubygems', 'vault', 'jfrog', 'github-pat', 'secrets-inherit', 'all-secrets', 'unknown'] as const;
export type Kind = (typeof KINDS)[number];

export type Confidence = 'high' | 'medium' | 'low';

/**
 * One way to tell what a secret is, from where its value goes. Rules are tried in this order, and the
 * first match wins: the consuming action's input says most, the variable a value lands in less, a run
 * script's command and the secret's own name least.
 */
export type Rule =
  /** `with: <input>` of an action (`owner/repo`, any path and ref, compared case-insensitively). */
  | { on: 'input'; action: string; inputs: readonly string[]; kind: Kind; confidence: Confidence }
  /** An input of any action whose name alone says what it takes. */
  | { on: 'any-input'; inputs: RegExp; kind: Kind; confidence: Confidence }
  /** The environment variable (workflow, job or step `env:`) or reusable-workflow secret it is passed as. */
  | { on: 'env'; names: RegExp; kind: Kind; confidence: Confidence }
  /** The line of a `run:` script it is used on; failing every rule, the whole script, with low confidence. */
  | { on: 'run'; command: RegExp; kind: Kind; confidence: Confidence }
  /** The secret's name, the last resort. */
  | { on: 'name'; names: RegExp; kind: Kind; confidence: Confidence };

export const RULES: readonly Rule[] = [
  { on: 'input', action: 'aws-actions/configure-aws-credentials', inputs: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'], kind: 'aws', confidence: 'high' },
  { on: 'input', action: 'google-github-actions/auth', inputs: ['credentials_json'], kind: 'gcp', confidence: 'high' },
  { on: 'input', action: 'google-github-actions/setup-gcloud', inputs: ['service_account_key'], kind: 'gcp', confidence: 'high' },
  { on: 'input', action: 'azure/login', inputs: ['creds', 'client-secret'], kind: 'azure', confidence: 'high' },
  { on: 'input', action: 'docker/login-action', inputs: ['password', 'username'], kind: 'docker', confidence: 'high' },
  { on: 'input', action: 'azure/docker-login', inputs: ['password'], kind: 'docker', confidence: 'high' },
  { on: 'input', action: 'pypa/gh-action-pypi-publish', inputs: ['password'], kind: 'pypi', confidence: 'high' },
  { on: 'input', action: 'rubygems/configure-rubygems-credentials', inputs: ['api-token'], kind: 'rubygems', confidence: 'high' },
  { on: 'input', action: 'katyo/publish-crates', inputs: ['registry-token'], kind: 'crates', confidence: 'high' },
  { on: 'input', action: 'JS-DevTools/npm-publish', inputs: ['token'], kind: 'npm', confidence: 'high' },
  { on: 'input', action: 'actions/checkout', inputs: ['token', 'ssh-key'], kind: 'github-pat', confidence: 'high' },
  { on: 'input', action: 'peter-evans/create-pull-request', inputs: ['token', 'branch-token'], kind: 'github-pat', confidence: 'high' },
  { on: 'input', action: 'actions/github-script', inputs: ['github-token'], kind: 'github-pat', confidence: 'high' },
  { on: 'input', action: 'hashicorp/vault-action', inputs: ['token', 'roleId', 'secretId', 'githubToken', 'password'], kind: 'vault', confidence: 'high' },
  { on: 'any-input', inputs: /^(github[-_]?token|gh[-_]?token|repo[-_]?token|pat)$/i, kind: 'github-pat', confidence: 'medium' },

  { on: 'env', names: /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/i, kind: 'aws', confidence: 'high' },
  { on: 'env', names: /^(GOOGLE_(APPLICATION_)?CREDENTIALS(_JSON)?|GCP_(SA_)?KEY|GCLOUD_SERVICE_KEY|CLOUDSDK_AUTH_ACCESS_TOKEN)$/i, kind: 'gcp', confidence: 'high' },
  { on: 'env', names: /^(ARM|AZURE)_CLIENT_SECRET$|^AZURE_CREDENTIALS$/i, kind: 'azure', confidence: 'high' },
  { on: 'env', names: /^(NPM_TOKEN|NODE_AUTH_TOKEN|NPM_CONFIG__AUTH(TOKEN)?)$/i, kind: 'npm', confidence: 'high' },
  { on: 'env', names: /^CARGO_REGISTR(Y|IES_CRATES_IO)_TOKEN$/i, kind: 'crates', confidence: 'high' },
  { on: 'env', names: /^(GEM_HOST_API_KEY|RUBYGEMS_API_KEY|BUNDLE_GEM__PUSH_KEY)$/i, kind: 'rubygems', confidence: 'high' },
  { on: 'env', names: /^(TWINE_PASSWORD|PYPI_(API_)?TOKEN|UV_PUBLISH_TOKEN|POETRY_PYPI_TOKEN_PYPI|FLIT_PASSWORD|HATCH_INDEX_AUTH)$/i, kind: 'pypi', confidence: 'high' },
  { on: 'env', names: /^(VAULT_TOKEN|VAULT_(ROLE|SECRET)_ID)$/i, kind: 'vault', confidence: 'high' },
  { on: 'env', names: /^(JF_ACCESS_TOKEN|JF_PASSWORD|JFROG_(ACCESS_)?TOKEN|ARTIFACTORY_(API_)?(TOKEN|KEY|PASSWORD))$/i, kind: 'jfrog', confidence: 'high' },
  { on: 'env', names: /^(GH_TOKEN|GITHUB_TOKEN|GH_PAT|GITHUB_PAT|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i, kind: 'github-pat', confidence: 'high' },
  { on: 'env', names: /^(DOCKER(HUB)?_(PASSWORD|TOKEN|PAT)|REGISTRY_PASSWORD)$/i, kind: 'docker', confidence: 'medium' },
  { on: 'env', names: /^(ARM|AZURE)_(CLIENT|TENANT|SUBSCRIPTION)_ID$/i, kind: 'azure', confidence: 'medium' },
  { on: 'env', names: /_(GITHUB|GH)_(TOKEN|PAT)$/i, kind: 'github-pat', confidence: 'medium' },

  { on: 'run', command: /\bdocker\s+login\b|\b(podman|buildah|skopeo|crane)\s+(login|auth\s+login)\b/i, kind: 'docker', confidence: 'medium' },
  { on: 'run', command: /_authToken|\bnpm\s+(publish|config\s+set)\b/i, kind: 'npm', confidence: 'medium' },
  { on: 'run', command: /\btwine\s+upload\b|\buv\s+publish\b|\bpoetry\s+publish\b|\bflit\s+publish\b/i, kind: 'pypi', confidence: 'medium' },
  { on: 'run', command: /\bcargo\s+(publish|login)\b/i, kind: 'crates', confidence: 'medium' },
  { on: 'run', command: /\bgem\s+push\b/i, kind: 'rubygems', confidence: 'medium' },
  { on: 'run', command: /\baws\s+configure\s+set\s+aws_(access_key_id|secret_access_key)\b/i, kind: 'aws', confidence: 'medium' },
  { on: 'run', command: /\bgcloud\s+auth\s+activate-service-account\b/i, kind: 'gcp', confidence: 'medium' },
  { on: 'run', command: /\baz\s+login\b.*--service-principal|\baz\s+login\b.*(-p|--password)\b/i, kind: 'azure', confidence: 'medium' },
  { on: 'run', command: /\bvault\s+login\b/i, kind: 'vault', confidence: 'medium' },
  { on: 'run', command: /\bgh\s+auth\s+login\b|x-access-token:|(\}\}|[\w-])@github\.com\//i, kind: 'github-pat', confidence: 'medium' },

  { on: 'name', names: /^AWS_.*(KEY|SECRET|TOKEN)|^(.*_)?AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/i, kind: 'aws', confidence: 'low' },
  { on: 'name', names: /^(GCP|GCLOUD|GOOGLE|GKE|GCS|GAR)_.*(KEY|CREDENTIALS|JSON|SA)$|SERVICE_ACCOUNT_(KEY|JSON)$/i, kind: 'gcp', confidence: 'low' },
  { on: 'name', names: /^(AZURE|ARM|AZ)_.*(CREDENTIALS|SECRET|PASSWORD)$/i, kind: 'azure', confidence: 'low' },
  { on: 'name', names: /^(DOCKER|DOCKERHUB|QUAY|REGISTRY|GHCR|ACR|ECR|HARBOR)_.*(PASSWORD|TOKEN|PAT|KEY)$/i, kind: 'docker', confidence: 'low' },
  { on: 'name', names: /^NPM_|_NPM_TOKEN$|^NODE_AUTH_TOKEN$/i, kind: 'npm', confidence: 'low' },
  { on: 'name', names: /PYPI/i, kind: 'pypi', confidence: 'low' },
  { on: 'name', names: /^(CARGO|CRATES(_IO)?)_.*TOKEN$/i, kind: 'crates', confidence: 'low' },
  { on: 'name', names: /RUBYGEMS|^GEM_/i, kind: 'rubygems', confidence: 'low' },
  { on: 'name', names: /^VAULT_/i, kind: 'vault', confidence: 'low' },
  { on: 'name', names: /^(JF|JFROG|ARTIFACTORY)_/i, kind: 'jfrog', confidence: 'low' },
  { on: 'name', names: /^(GH|GITHUB)_|_PAT$|^PAT_|^PERSONAL_ACCESS_TOKEN$|^(BOT|RELEASE|REPO)_TOKEN$/i, kind: 'github-pat', confidence: 'low' },
];
