import { resolve } from 'node:path';
import { KeylessError } from '../errors.js';
import { parseWorkloadEndpoint } from '../oidc/spiffe/endpoint.js';
import { RUNNER_SOURCE, SOURCE_KINDS, type SourceKind, type SubjectTokenSource } from '../oidc/subject-token.js';
import { ENV_NAME } from './env-names.js';
import { FieldReader } from './fields.js';
import { Problems } from './problems.js';

/** The keys of a subject token source, and the source each belongs to. */
const SOURCE_KEYS: Readonly<Record<string, SourceKind>> = {
  'subject-token-file': 'file',
  'subject-token-env': 'env',
  'spiffe-socket': 'spiffe',
  'spiffe-id': 'spiffe',
};

/** SPIFFE ID spec §2: `spiffe://` trust domain (lower-case letters, digits, `.-_`), then path segments of letters, digits and `.-_`. */
const SPIFFE_ID = /^spiffe:\/\/[a-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Variables that hold the runner's own credentials: JWTs (or tokens) for GitHub, never meant for a relying party. */
const RUNNER_CREDENTIALS = /^(ACTIONS_.*|GITHUB_TOKEN)$/i;

/**
 * `subject-token-source` and the keys its kind needs. A key of another kind is an error, not ignored: a
 * `subject-token-file` left behind when the source went back to `runner` would say something untrue.
 */
export function readSubjectToken(fields: FieldReader, workspace: string): SubjectTokenSource | undefined {
  const kind = fields.oneOf('subject-token-source', SOURCE_KINDS, 'runner');
  const path = fields.string('subject-token-file', { required: kind === 'file', expected: 'the path of a file holding one JWT (a projected service-account token)' });
  const name = fields.string('subject-token-env', { required: kind === 'env', pattern: ENV_NAME, expected: 'the name of a variable holding a JWT ([A-Za-z_][A-Za-z0-9_]*)' });
  const socket = fields.string('spiffe-socket', { expected: 'a Workload API address, unix:///PATH or tcp://IP:PORT' });
  const spiffeId = fields.string('spiffe-id', { pattern: SPIFFE_ID, expected: 'a SPIFFE ID, spiffe://TRUST-DOMAIN/PATH' });
  let valid = true;
  for (const [key, owner] of Object.entries(SOURCE_KEYS)) {
    if (owner !== kind && fields.has(key)) {
      fields.report(key, `is only read with subject-token-source: ${owner}${kind === 'runner' && !fields.has('subject-token-source') ? ' (add it)' : ''}`);
      valid = false;
    }
  }
  if (name !== undefined && RUNNER_CREDENTIALS.test(name)) {
    fields.report('subject-token-env', `may not name ${name}: it holds the runner's own credential, not an OIDC token for this entry; use subject-token-source: runner`);
    valid = false;
  }
  if (socket !== undefined) {
    try {
      parseWorkloadEndpoint(socket, 'is');
    } catch (error) {
      if (!(error instanceof KeylessError)) throw error;
      fields.report('spiffe-socket', 'is not unix:///PATH (or unix:/PATH) or tcp://IP:PORT');
      valid = false;
    }
  }
  if (!valid) return undefined;
  switch (kind) {
    case 'runner': return RUNNER_SOURCE;
    case 'file': return path === undefined ? undefined : { kind, path: resolve(workspace, path) };
    case 'env': return name === undefined ? undefined : { kind, name };
    case 'spiffe': return { kind, ...(socket === undefined ? {} : { socket }), ...(spiffeId === undefined ? {} : { spiffeId }) };
  }
}

/** An entry built on another entry's credential takes no subject token: each key is an error naming why. */
export function refuseSubjectToken(fields: FieldReader, why: string): void {
  for (const key of ['subject-token-source', ...Object.keys(SOURCE_KEYS)]) {
    if (fields.value(key) !== undefined) fields.report(key, why);
  }
}

/**
 * A source from command-line flags named like the keys (`--subject-token-source file --subject-token-file
 * PATH`), checked as the keys are; a problem is a usage error naming the flag. Runner when none is given.
 */
export function subjectTokenFromFlags(flags: Readonly<Record<string, string | undefined>>, cwd: string): SubjectTokenSource {
  const problems = new Problems();
  const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  const source = readSubjectToken(new FieldReader(given, 'flags', [], undefined, problems), cwd);
  if (source === undefined || problems.items.length > 0) {
    throw new KeylessError('USAGE', problems.items.map(({ at, message }) => `--${at.replace(/^flags\./, '')} ${message}`).join('; '));
  }
  return source;
}
