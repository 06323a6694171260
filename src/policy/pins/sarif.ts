import { HOMEPAGE } from '../../about.js';
import type { Finding } from './scan.js';

const RULES = {
  'unpinned-uses': 'An action or reusable workflow is referenced by a tag or branch, not a full commit SHA.',
  'unpinned-image': 'A container image is referenced by tag, not by @sha256 digest.',
  'invalid-yaml': 'The file is not valid YAML, so its references could not be checked.',
  'impostor-commit': 'The pinned commit is not reachable from any branch or tag of the repository it names (a fork network commit).',
  'ref-version-mismatch': 'The version comment after a pinned SHA names a tag that points at another commit.',
} as const;

/**
 * SARIF 2.1.0, one rule per finding kind, as GitHub code scanning accepts it. `notes` (files not checked,
 * findings not listed) become tool notifications, and make the run unsuccessful.
 */
export function toSarif(findings: readonly Finding[], notes: readonly string[] = []): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keyless-pins',
            informationUri: HOMEPAGE,
            rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text }, defaultConfiguration: { level: 'error' } })),
          },
        },
        ...(notes.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notes.map((text) => ({ level: 'error', message: { text } })) }] } : {}),
        results: findings.map((f) => ({
          ruleId: f.kind,
          level: 'error',
          message: { text: `${f.ref}: ${f.note ?? (f.kind === 'unpinned-image' ? 'pin to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin to a full commit SHA, with the tag as a comment' : 'fix the YAML')}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
        })),
      },
    ],
  };
}
