import { HOMEPAGE } from '../../about.js';
import type { SecretFinding } from './inventory.js';
import { KINDS, type Kind } from './rules.js';

const RULES: Readonly<Record<Kind, string>> = {
  aws: 'A stored AWS access key: an aws entry assumes a role with the runner OIDC token instead.',
  gcp: 'A stored Google service-account key: a gcp entry uses workload identity federation instead.',
  azure: 'A stored Azure service-principal secret: an azure entry signs in with a federated credential instead.',
  docker: 'A stored container registry password: a registry entry logs in with a cloud entry\'s credential where the registry allows it.',
  npm: 'A stored npm token: an npm entry mints one through trusted publishing instead.',
  pypi: 'A stored PyPI token: a pypi entry mints one through trusted publishing instead.',
  crates: 'A stored crates.io token: a crates entry mints one through trusted publishing instead.',
  rubygems: 'A stored RubyGems API key: a rubygems entry mints one through trusted publishing instead.',
  vault: 'A stored Vault token or AppRole secret: a vault entry signs in with the JWT method instead.',
  jfrog: 'A stored JFrog token or password: a jfrog entry exchanges the runner OIDC token instead.',
  'github-pat': 'A stored GitHub token: the job\'s GITHUB_TOKEN with permissions, or a github entry for other repositories.',
  'secrets-inherit': 'secrets: inherit hands every secret of the caller to the called workflow.',
  'all-secrets': 'The whole secrets context is read (toJSON(secrets), secrets[expression]): every stored secret reaches this place.',
  unknown: 'A stored secret Keyless could not classify.',
};

const LEVEL = { high: 'error', medium: 'warning', low: 'note' } as const;

/** SARIF 2.1.0, one rule per kind, one result per finding at the line of its `secrets.X`. */
export function toSarif(findings: readonly SecretFinding[], notes: readonly string[] = []): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'keyless-secrets', informationUri: HOMEPAGE, rules: KINDS.map((id) => ({ id, shortDescription: { text: RULES[id] }, defaultConfiguration: { level: 'warning' } })) } },
        ...(notes.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notes.map((text) => ({ level: 'error', message: { text } })) }] } : {}),
        results: findings.map((f) => ({
          ruleId: f.kind,
          level: LEVEL[f.severity],
          message: { text: `secrets.${f.secret}: ${f.replacement === null ? (f.note ?? 'no Keyless entry replaces it') : `replace with the Keyless entry:\n${f.replacement}`}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
        })),
      },
    ],
  };
}
