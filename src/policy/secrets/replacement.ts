import { type Classified, registryHost } from './classify.js';
import type { Kind } from './rules.js';
import type { SecretUse } from './scan.js';
import { QUAY_ROBOT } from '../../providers/quay.js';

export interface Replacement {
  /** The Keyless `credentials:` entries that mint what the secret was, as YAML to paste; null when none does. */
  replacement: string | null;
  /** The README section with the provider's one-time setup (trust policy, publisher, integration). */
  setup: string | null;
  /** github-pat and ghcr only: whether the job's own GITHUB_TOKEN, given `permissions:`, may do instead. */
  github_token_enough?: boolean;
  note?: string;
}

const README = 'README.md#';
const SETUP = {
  aws: `${README}aws-provider-aws`,
  gcp: `${README}google-cloud-provider-gcp`,
  azure: `${README}azure-provider-azure`,
  registry: `${README}container-registries-provider-registry`,
  npm: `${README}npm-provider-npm`,
  pypi: `${README}pypi-provider-pypi`,
  crates: `${README}cratesio-provider-crates`,
  rubygems: `${README}rubygems-provider-rubygems`,
  vault: `${README}vault--openbao-provider-vault`,
  github: `${README}scoped-github-tokens-provider-github`,
  jfrog: `${README}jfrog-artifactory-provider-jfrog`,
  quay: `${README}quay-robot-accounts-provider-quay`,
} as const;

/** A `with:` value the file states outright, usable in an entry; an expression is not. */
function literal(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && !v.includes('${{') && /^[\w./:@-]+$/.test(v) ? v : undefined;
}

/** An ECR host names the account and region: `ACCOUNT.dkr.ecr.REGION.amazonaws.com`. */
const ecrHost = (use: SecretUse) => /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/.exec(registryHost(use));
const AWS = (use: SecretUse, extra = '') => {
  const ecr = ecrHost(use);
  return `- provider: aws\n  ${extra}role: arn:aws:iam::${ecr?.[1] ?? '<ACCOUNT_ID>'}:role/<ROLE>\n  region: ${literal(use.with['aws-region']) ?? ecr?.[2] ?? '<REGION>'}\n`;
};
const GCP = (extra = '') =>
  `- provider: gcp\n  ${extra}workload-identity-provider: projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>\n  service-account: <NAME>@<PROJECT>.iam.gserviceaccount.com\n`;
const AZURE = (extra = '') => `- provider: azure\n  ${extra}client-id: <CLIENT_ID>\n  tenant-id: <TENANT_ID>\n  subscription-id: <SUBSCRIPTION_ID>\n`;
const GITHUB = (scope: string, extra = '') => `- provider: github\n  ${extra}scope: ${scope}\n  identity: <TRUST_POLICY>\n`;

/** Kinds whose entry or advice depends on nothing in the workflow. */
const FIXED: Readonly<Partial<Record<Kind, Replacement>>> = {
  gcp: { replacement: GCP(), setup: SETUP.gcp },
  azure: { replacement: AZURE(), setup: SETUP.azure },
  npm: { replacement: "- provider: npm\n  package: '<PACKAGE>'\n", setup: SETUP.npm },
  crates: { replacement: '- provider: crates\n', setup: SETUP.crates },
  rubygems: { replacement: '- provider: rubygems\n', setup: SETUP.rubygems },
  'secrets-inherit': {
    replacement: null,
    setup: null,
    note: 'every secret of the caller reaches the called workflow: pass only the ones it needs by name, or let it mint its own with Keyless (grant id-token: write to the calling job)',
  },
  'all-secrets': { replacement: null, setup: null, note: 'the whole secrets context (every secret of the repository, organisation and environment) is read here: name the secrets this needs instead' },
  unknown: { replacement: null, setup: null, note: 'not recognised: check what it is used for; no provider may replace it' },
};

/** The Keyless entry replacing the secret `use` reads, once `classify` has said what it is. */
export function replacementFor(use: SecretUse, { kind, registry }: Classified): Replacement {
  const fixed = FIXED[kind];
  if (fixed) return fixed;
  switch (kind) {
    case 'aws':
      return { replacement: AWS(use), setup: SETUP.aws };
    case 'pypi': {
      const test = /test\.pypi\.org/.test(use.with['repository-url'] ?? use.with.repository_url ?? use.text);
      return { replacement: `- provider: pypi\n${test ? '  index: https://test.pypi.org\n' : ''}`, setup: SETUP.pypi };
    }
    case 'vault':
      return { replacement: `- provider: vault\n  url: ${literal(use.with.url) ?? '<VAULT_ADDR>'}\n  role: <JWT_ROLE>\n`, setup: SETUP.vault };
    case 'jfrog':
      return { replacement: `- provider: jfrog\n  url: ${literal(use.with.url) ?? 'https://<NAME>.jfrog.io'}\n  provider-name: <OIDC_INTEGRATION>\n`, setup: SETUP.jfrog };
    case 'docker':
      return docker(use, registry ?? 'other');
    default:
      // github-pat, the one kind left.
      return githubPat(use);
  }
}

function docker(use: SecretUse, registry: NonNullable<Classified['registry']>): Replacement {
  const host = literal(registryHost(use));
  // Artifact Registry and ACR have no default host: the entry must name one.
  const shown = host ?? (registry === 'gar' ? '<LOCATION>-docker.pkg.dev' : registry === 'acr' ? '<NAME>.azurecr.io' : undefined);
  const hostLine = shown ? `  host: ${shown}\n` : '';
  const login = (kind: string, from: string) => `- provider: registry\n  kind: ${kind}\n${hostLine}  from: ${from}\n`;
  switch (registry) {
    case 'ecr':
      return { replacement: `${AWS(use, 'id: aws\n  ')}  export: none\n${login('ecr', 'aws')}`, setup: SETUP.registry };
    case 'gar':
      return { replacement: `${GCP('id: gcp\n  ')}  export: none\n${login('gar', 'gcp')}`, setup: SETUP.registry };
    case 'acr':
      return { replacement: `${AZURE('id: azure\n  ')}  export: none\n${login('acr', 'azure')}`, setup: SETUP.registry };
    case 'ghcr':
      return {
        replacement: `${GITHUB('<OWNER>', 'id: github\n  ')}${login('ghcr', 'github')}`,
        setup: SETUP.registry,
        github_token_enough: true,
        note: 'the job\'s GITHUB_TOKEN with "permissions: packages: write" logs in to this repository\'s packages; a github entry is for packages of other repositories',
      };
    case 'jfrog':
      return { replacement: `- provider: jfrog\n  url: https://${host ?? '<NAME>.jfrog.io'}\n  provider-name: <OIDC_INTEGRATION>\n  docker-hosts: ${host ?? '<NAME>.jfrog.io'}\n`, setup: SETUP.jfrog };
    case 'quay':
      return { replacement: `- provider: quay\n  robot: ${quayRobot(use) ?? '<ORG>+<ROBOT>'}\n`, setup: SETUP.quay };
    case 'other':
      return { replacement: null, setup: null, note: 'Docker Hub and other registries without an OIDC exchange still need their password: no provider replaces it' };
  }
}

/** The robot a Quay login names (NAMESPACE+ROBOT), in the login action's `username` or after `-u` on the line. */
function quayRobot(use: SecretUse): string | undefined {
  const given = use.with.username?.trim();
  if (given !== undefined && QUAY_ROBOT.test(given)) return given;
  const flag = /(?:^|\s)(?:-u|--username)[\s=]+(\S+)/.exec(use.text)?.[1];
  return flag !== undefined && QUAY_ROBOT.test(flag) ? flag : undefined;
}

/**
 * A PAT for this repository is usually replaceable by the job's own token with `permissions:`; one used
 * on another repository (checkout's `repository`, `gh --repo`, a URL) needs a token scoped there.
 */
function githubPat(use: SecretUse): Replacement {
  const repository = literal(use.with.repository);
  const crossRepo = repository !== undefined || /(^|\s)(--repo|-R)[\s=]|github\.com[/:][\w.-]+\/[\w.-]+/.test(`${use.text}\n${use.script}`) || use.with['push-to-fork'] !== undefined;
  const scope = repository ?? '<OWNER>/<REPO>';
  if (crossRepo) {
    return { replacement: GITHUB(scope), setup: SETUP.github, github_token_enough: false, note: 'reaches another repository: a github entry scoped there (octo-sts trust policy) replaces the PAT' };
  }
  return {
    replacement: GITHUB(scope),
    setup: SETUP.github,
    github_token_enough: true,
    note: 'for this repository alone, the job\'s GITHUB_TOKEN with the "permissions:" it needs may do (events it creates start no workflow); a github entry when it must reach other repositories or start workflows',
  };
}
