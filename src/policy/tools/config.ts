import { describe, FieldReader } from '../../config/fields.js';
import type { Problems } from '../../config/problems.js';
import type { LoadedYaml } from '../../config/yaml.js';
import { GITHUB_EXTENSION_NAMES, type ToolSpec } from './types.js';

/** Default download cap: far above any CLI tool, far below what would fill a runner's disk. */
const MAX_TOOL_BYTES = 512 * 1024 * 1024;
/** Default caps on what an archive may unpack to: a Go toolchain is ~15,000 entries and ~250 MiB. */
const MAX_EXTRACTED_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_ENTRIES = 50_000;
/** Default deadline of a whole download, redirects and retries included, in seconds. */
const DOWNLOAD_TIMEOUT = 300;
const NAME = /^[\w.-]{1,64}$/;
const REPO = /^[\w.-]+\/[\w.-]+$/;

/** `tools`: every entry pinned by digest, with signature evidence and a signer policy. */
export function readTools(yaml: LoadedYaml, problems: Problems): ToolSpec[] {
  if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
    problems.add('tools', `must be a non-empty YAML list of tools, not ${describe(yaml.value)}`);
    return [];
  }
  const specs = yaml.value.flatMap((item: unknown, index) => {
    const at = `tools[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.add(at, `must be a mapping with name, path or url, and a digest pin, not ${describe(item)}`, yaml.lineOf([index]));
      return [];
    }
    const before = problems.items.length;
    const spec = readTool(new FieldReader(item as Record<string, unknown>, at, [index], yaml, problems));
    return spec && problems.items.length === before ? [spec] : [];
  });
  refuseDuplicates(specs, yaml, problems);
  return specs;
}

/** Two entries of one name would share a folder and race each other's downloads. */
function refuseDuplicates(specs: readonly ToolSpec[], yaml: LoadedYaml, problems: Problems): void {
  const seen = new Set<string>();
  specs.forEach((spec, index) => {
    if (seen.has(spec.name)) problems.add(`tools[${index}].name`, `"${spec.name}" is already the name of another tool; names must be unique`, yaml.lineOf([index, 'name']));
    seen.add(spec.name);
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
  const maxBytes = size(fields, 'max-bytes', MAX_TOOL_BYTES);
  const maxExtractedBytes = size(fields, 'max-extracted-bytes', MAX_EXTRACTED_BYTES);
  const maxEntries = size(fields, 'max-entries', MAX_ENTRIES);
  const timeoutMs = (fields.duration('timeout', 1, 3600) ?? DOWNLOAD_TIMEOUT) * 1000;
  const bundle = fields.string('bundle');
  const attestations = fields.string('attestations', { pattern: REPO, expected: 'owner/repo' });
  const identity = fields.string('identity');
  const identityRegexp = fields.string('identity-regexp');
  const issuer = fields.string('issuer');
  const key = fields.string('key');
  const builder = fields.string('builder');
  const extensions = Object.fromEntries(GITHUB_EXTENSION_NAMES.flatMap((ext) => {
    const value = fields.string(ext);
    return value === undefined ? [] : [[ext, value]];
  }));
  if (fields.has('path') === fields.has('url')) fields.report(undefined, 'set exactly one of path (a file on the runner) or url (downloaded and pinned)');
  if (!fields.has('sha256') && !fields.has('sha512')) {
    fields.report(undefined, 'a digest pin is required: sha256 or sha512 (a tool without one is a policy error, not a warning)');
  }
  if (!fields.has('bundle') && !fields.has('attestations')) fields.report(undefined, 'signature evidence is required: bundle (a Sigstore bundle) or attestations (owner/repo)');
  checkSigner(fields, identityRegexp);
  if (url === undefined) for (const key of ['extract', 'max-extracted-bytes', 'max-entries', 'timeout']) if (fields.has(key)) fields.report(key, 'applies only to a downloaded tool (url)');
  fields.finish();
  if (name === undefined) return undefined;
  const optional = { path, url, sha256, sha512, bundle, attestations, identity, identityRegexp, issuer, key, builder };
  const spec: ToolSpec = { name, extract, addToPath, maxBytes, maxExtractedBytes, maxEntries, timeoutMs, extensions };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(spec, { [k]: v });
  return spec;
}

function size(fields: FieldReader, key: string, fallback: number): number {
  return Number(fields.string(key, { pattern: /^[1-9]\d{0,11}$/, expected: 'a whole number' }) ?? fallback);
}

/** Exactly one signer policy: a certificate identity with its issuer (as cosign requires), or a key alone. */
function checkSigner(fields: FieldReader, identityRegexp: string | undefined): void {
  if (['identity', 'identity-regexp', 'key'].filter((k) => fields.has(k)).length !== 1) {
    fields.report(undefined, 'a signer policy is required: exactly one of identity, identity-regexp or key');
  }
  if ((fields.has('identity') || fields.has('identity-regexp')) && !fields.has('issuer')) {
    fields.report('issuer', 'is required with identity and identity-regexp (e.g. https://token.actions.githubusercontent.com)');
  }
  if (fields.has('key') && fields.has('issuer')) fields.report('issuer', 'does not apply to a key: a key-signed bundle names no issuer');
  if (identityRegexp !== undefined) checkPattern(fields, identityRegexp);
}

function checkPattern(fields: FieldReader, pattern: string): void {
  try {
    new RegExp(pattern);
  } catch {
    fields.report('identity-regexp', `is not a valid regular expression (it is matched whole, as ^(…)$)`);
  }
}
