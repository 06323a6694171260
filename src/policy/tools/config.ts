import { describe, FieldReader } from '../../config/fields.js';
import type { Problems } from '../../config/problems.js';
import type { LoadedYaml } from '../../config/yaml.js';
import { GITHUB_EXTENSION_NAMES, type ToolSpec } from './types.js';

/** Default download cap: far above any CLI tool, far below what would fill a runner's disk. */
const MAX_TOOL_BYTES = 512 * 1024 * 1024;
const NAME = /^[\w.-]{1,64}$/;
const REPO = /^[\w.-]+\/[\w.-]+$/;

/** `tools`: every entry pinned by digest, with signature evidence and a signer policy. */
export function readTools(yaml: LoadedYaml, problems: Problems): ToolSpec[] {
  if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
    problems.add('tools', `must be a non-empty YAML list of tools, not ${describe(yaml.value)}`);
    return [];
  }
  return yaml.value.flatMap((item: unknown, index) => {
    const at = `tools[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.add(at, `must be a mapping with name, path or url, and a digest pin, not ${describe(item)}`, yaml.lineOf([index]));
      return [];
    }
    const before = problems.items.length;
    const spec = readTool(new FieldReader(item as Record<string, unknown>, at, [index], yaml, problems));
    return spec && problems.items.length === before ? [spec] : [];
  });
}

function readTool(fields: FieldReader): ToolSpec | undefined {
  const name = fields.string('name', { required: true, pattern: NAME, expected: 'a name of letters, digits, . _ -' });
  const path = fields.string('path');
  const url = fields.url('url');
  const sha256 = fields.string('sha256', { pattern: /^[0-9a-f]{64}$/i, expected: '64 hex digits' })?.toLowerCase();
  const sha512 = fields.string('sha512', { pattern: /^[0-9a-f]{128}$/i, expected: '128 hex digits' })?.toLowerCase();
  const extract = fields.oneOf('extract', ['none', 'tar.gz', 'zip'] as const, 'none');
  const addToPath = fields.boolean('add-to-path', fields.has('url'));
  const maxBytes = Number(fields.string('max-bytes', { pattern: /^[1-9]\d{0,11}$/, expected: 'a size in bytes' }) ?? MAX_TOOL_BYTES);
  const bundle = fields.string('bundle');
  const attestations = fields.string('attestations', { pattern: REPO, expected: 'owner/repo' });
  const identity = fields.string('identity');
  const identityRegexp = fields.string('identity-regexp');
  const issuer = fields.string('issuer') ?? 'https://token.actions.githubusercontent.com';
  const key = fields.string('key');
  const builder = fields.string('builder');
  const extensions = Object.fromEntries(GITHUB_EXTENSION_NAMES.flatMap((ext) => {
    const value = fields.string(ext);
    return value === undefined ? [] : [[ext, value]];
  }));
  if (fields.has('path') === fields.has('url')) fields.report(undefined, 'set exactly one of path (a file on the runner) or url (downloaded and pinned)');
  if (sha256 === undefined && sha512 === undefined && !fields.has('sha256') && !fields.has('sha512')) {
    fields.report(undefined, 'a digest pin is required: sha256 or sha512 (a tool without one is a policy error, not a warning)');
  }
  if (!fields.has('bundle') && !fields.has('attestations')) fields.report(undefined, 'signature evidence is required: bundle (a Sigstore bundle) or attestations (owner/repo)');
  if ([identity, identityRegexp, key].filter((v) => v !== undefined).length !== 1) {
    fields.report(undefined, 'a signer policy is required: exactly one of identity, identity-regexp or key');
  }
  if (identityRegexp !== undefined) checkPattern(fields, identityRegexp);
  if (extract !== 'none' && url === undefined) fields.report('extract', 'applies only to a downloaded tool (url)');
  fields.finish();
  if (name === undefined) return undefined;
  const optional = { path, url, sha256, sha512, bundle, attestations, identity, identityRegexp, key, builder };
  const spec: ToolSpec = { name, extract, addToPath, maxBytes, issuer, extensions };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(spec, { [k]: v });
  return spec;
}

function checkPattern(fields: FieldReader, pattern: string): void {
  try {
    new RegExp(pattern);
  } catch {
    fields.report('identity-regexp', `is not a valid regular expression (it is matched whole, as ^(…)$)`);
  }
}
