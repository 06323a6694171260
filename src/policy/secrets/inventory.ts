import { classify } from './classify.js';
import { replacementFor } from './replacement.js';
import type { Confidence, Kind } from './rules.js';
import { type Consumer, scanSecrets } from './scan.js';

export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** One stored secret a workflow reads: the `keyless secrets` JSON finding, `file` to `replacement` first. */
export interface SecretFinding {
  file: string;
  line: number;
  secret: string;
  kind: Kind;
  replacement: string | null;
  /** high: a credential Keyless replaces by federation; medium: a PAT, `secrets: inherit` or the whole `secrets` context; low: the rest. */
  severity: Exclude<Level, 'none'>;
  confidence: Confidence;
  classified_by: string;
  consumer: Consumer;
  /** The job's id, for grouping a job's findings into one Keyless step. */
  job?: string;
  registry?: string;
  setup: string | null;
  id_token_write: boolean | null;
  github_token_enough?: boolean;
  note?: string;
}

/** The stored secrets of one workflow or action file, classified, each with what replaces it. */
export function inventory(file: string, text: string): SecretFinding[] {
  return scanSecrets(file, text).map((use) => {
    const classified = classify(use);
    const replaced = replacementFor(use, classified);
    const severity = classified.kind === 'github-pat' || classified.kind === 'secrets-inherit' || classified.kind === 'all-secrets' ? 'medium' : replaced.replacement === null ? 'low' : 'high';
    return {
      file: use.file,
      line: use.line,
      secret: use.secret,
      kind: classified.kind,
      replacement: replaced.replacement,
      severity,
      confidence: classified.confidence,
      classified_by: classified.by,
      consumer: use.consumer,
      ...(use.job === undefined ? {} : { job: use.job }),
      ...(classified.registry ? { registry: classified.registry } : {}),
      setup: replaced.setup,
      id_token_write: use.id_token_write,
      ...(replaced.github_token_enough === undefined ? {} : { github_token_enough: replaced.github_token_enough }),
      ...(replaced.note === undefined ? {} : { note: replaced.note }),
    };
  });
}

/** Whether `finding` is at or above `level` (`none` is above every finding). */
export function atOrAbove(finding: SecretFinding, level: Level): boolean {
  return level !== 'none' && LEVELS.indexOf(finding.severity) >= LEVELS.indexOf(level);
}
