import { describe, expect, it } from 'vitest';
import { Problems } from '../../../../src/config/problems.js';
import { loadYaml } from '../../../../src/config/yaml.js';
import { readTools } from '../../../../src/policy/tools/config.js';

// The `tools` input, key by key: what an entry becomes, and each problem it can have.

const SHA256 = 'a'.repeat(64);
const SIGNER = 'identity: https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1\n  issuer: https://token.actions.githubusercontent.com';

function read(text: string) {
  const problems = new Problems();
  const specs = readTools(loadYaml(text, 'tools'), problems);
  return { specs, problems: problems.items.map((p) => `${p.at}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`) };
}

const local = (extra = '') => `- name: scanner\n  path: bin/scanner\n  sha256: ${SHA256}\n  bundle: scanner.sigstore.json\n  ${SIGNER}${extra}`;

describe('tools', () => {
  it('names the line of an item that is not a mapping, after others', () => {
    expect(read(`${local()}\n- scanner`).problems).toEqual(['tools[1] (line 7): must be a mapping with name, path or url, and a digest pin, not a string']);
  });

  it('reads a local tool with its defaults', () => {
    const { specs, problems } = read(local());
    expect(problems).toEqual([]);
    // Strictly: a key the entry does not set is absent, not present as undefined.
    expect(specs).toStrictEqual([{
      name: 'scanner', path: 'bin/scanner', sha256: SHA256, bundle: 'scanner.sigstore.json', extract: 'none', addToPath: false,
      maxBytes: 512 * 1024 * 1024, maxExtractedBytes: 2 * 1024 * 1024 * 1024, maxEntries: 50_000, timeoutMs: 300_000, extensions: {},
      identity: 'https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1', issuer: 'https://token.actions.githubusercontent.com',
    }]);
  });

  it('reads a downloaded tool: added to PATH unless it says not, its caps, deadline, and policy keys, digests in lower case', () => {
    const text = `- name: scanner\n  url: https://example.com/scanner.tar.gz\n  sha256: ${SHA256.toUpperCase()}\n  sha512: ${'B'.repeat(128)}\n  extract: tar.gz\n  max-bytes: 1000\n  max-extracted-bytes: 2000\n  max-entries: 30\n  timeout: 2m\n  attestations: acme/tool\n  identity-regexp: https://github\\.com/acme/.*\n  issuer: https://token.actions.githubusercontent.com\n  builder: https://builder.example/v1\n  source-repository: https://github.com/acme/tool\n  source-ref: refs/tags/v1\n  source-digest: abc\n  build-signer-uri: x\n  runner-environment: github-hosted`;
    const { specs, problems } = read(text);
    expect(problems).toEqual([]);
    expect(specs[0]).toMatchObject({
      url: new URL('https://example.com/scanner.tar.gz'), sha256: SHA256, sha512: 'b'.repeat(128), extract: 'tar.gz', addToPath: true,
      maxBytes: 1000, maxExtractedBytes: 2000, maxEntries: 30, timeoutMs: 120_000, attestations: 'acme/tool', identityRegexp: 'https://github\\.com/acme/.*', builder: 'https://builder.example/v1',
      extensions: { 'source-repository': 'https://github.com/acme/tool', 'source-ref': 'refs/tags/v1', 'source-digest': 'abc', 'build-signer-uri': 'x', 'runner-environment': 'github-hosted' },
    });
    expect(read(`- name: s\n  url: https://example.com/s\n  sha256: ${SHA256}\n  add-to-path: false\n  bundle: b.json\n  key: k.pub`).specs[0]).toMatchObject({ addToPath: false, key: 'k.pub' });
  });

  it.each([
    ['no list', 'scanner', ['tools: must be a non-empty YAML list of tools, not a string']],
    ['an empty list', '[]', ['tools: must be a non-empty YAML list of tools, not a list']],
    ['an item that is not a mapping', '- scanner', ['tools[0] (line 1): must be a mapping with name, path or url, and a digest pin, not a string']],
    ['an item that is a list', '- [a]', ['tools[0] (line 1): must be a mapping with name, path or url, and a digest pin, not a list']],
    ['an empty item', '- ~', ['tools[0] (line 1): must be a mapping with name, path or url, and a digest pin, not null']],
  ])('refuses %s', (_name, text, problems) => {
    expect(read(text)).toEqual({ specs: [], problems });
  });

  it.each([
    ['neither path nor url', `- name: s\n  sha256: ${SHA256}\n  bundle: b\n  ${SIGNER}`, 'tools[0] (line 1): set exactly one of path (a file on the runner) or url (downloaded and pinned)'],
    ['both path and url', local('\n  url: https://example.com/s'), 'tools[0] (line 1): set exactly one of path (a file on the runner) or url (downloaded and pinned)'],
    ['no digest pin', `- name: s\n  path: p\n  bundle: b\n  ${SIGNER}`, 'tools[0] (line 1): a digest pin is required: sha256 or sha512 (a tool without one is a policy error, not a warning)'],
    ['a short sha256', local().replace(SHA256, SHA256.slice(1)), 'tools[0].sha256 (line 3): is not 64 hex digits'],
    ['a short sha512', local('\n  sha512: abc'), 'tools[0].sha512 (line 7): is not 128 hex digits'],
    // A pin is the whole digest: nothing before it, nothing after it.
    ['a sha256 with a 65th digit', local().replace(SHA256, `${SHA256}0`), 'tools[0].sha256 (line 3): is not 64 hex digits'],
    ['a sha256 with text before it', local().replace(SHA256, `x${SHA256}`), 'tools[0].sha256 (line 3): is not 64 hex digits'],
    ['a sha512 with a 129th digit', local(`\n  sha512: ${'b'.repeat(129)}`), 'tools[0].sha512 (line 7): is not 128 hex digits'],
    ['a sha512 with text before it', local(`\n  sha512: x${'b'.repeat(128)}`), 'tools[0].sha512 (line 7): is not 128 hex digits'],
    ['attestations with a path after owner/repo', local('\n  attestations: acme/tool/extra'), 'tools[0].attestations (line 7): is not owner/repo'],
    ['attestations with text before owner/repo', local('\n  attestations: x acme/tool'), 'tools[0].attestations (line 7): is not owner/repo'],
    ['a max-bytes with text before the number', local('\n  max-bytes: x100'), 'tools[0].max-bytes (line 7): is not a whole number'],
    ['no name', local().replace('- name: scanner\n  path', '- path'), 'tools[0].name: is required (a name of letters, digits, . _ -)'],
    ['a key it does not know', local('\n  colour: blue'), 'tools[0].colour (line 7): unknown key; known keys: name, path, url, sha256, sha512, extract, add-to-path, max-bytes, max-extracted-bytes, max-entries, timeout, bundle, attestations, identity, identity-regexp, issuer, key, builder, source-repository, source-ref, source-digest, build-signer-uri, runner-environment'],
    ['no signature evidence', local().replace('  bundle: scanner.sigstore.json\n', ''), 'tools[0] (line 1): signature evidence is required: bundle (a Sigstore bundle) or attestations (owner/repo)'],
    ['attestations that are not owner/repo', local('\n  attestations: acme'), 'tools[0].attestations (line 7): is not owner/repo'],
    ['no signer', local().replace(`  ${SIGNER}`, '  issuer: x').replace('issuer: x', ''), 'tools[0] (line 1): a signer policy is required: exactly one of identity, identity-regexp or key'],
    ['two signers', local('\n  key: k.pub'), 'tools[0] (line 1): a signer policy is required: exactly one of identity, identity-regexp or key'],
    ['an identity without an issuer', local().replace('\n  issuer: https://token.actions.githubusercontent.com', ''), 'tools[0].issuer: is required with identity and identity-regexp (e.g. https://token.actions.githubusercontent.com)'],
    ['an identity-regexp without an issuer', `- name: s\n  path: p\n  sha256: ${SHA256}\n  bundle: b\n  identity-regexp: x`, 'tools[0].issuer: is required with identity and identity-regexp (e.g. https://token.actions.githubusercontent.com)'],
    ['a key with an issuer', `- name: s\n  path: p\n  sha256: ${SHA256}\n  bundle: b\n  key: k\n  issuer: i`, 'tools[0].issuer (line 6): does not apply to a key: a key-signed bundle names no issuer'],
    ['an identity-regexp that does not compile', `- name: s\n  path: p\n  sha256: ${SHA256}\n  bundle: b\n  identity-regexp: "a("\n  issuer: i`, 'tools[0].identity-regexp (line 5): is not a valid regular expression (it is matched whole, as ^(…)$)'],
    ['a name with a slash', local().replace('name: scanner', 'name: a/b'), 'tools[0].name (line 1): is not a name of letters, digits, . _ -'],
    ['a name of 65 characters', local().replace('name: scanner', `name: ${'n'.repeat(65)}`), 'tools[0].name (line 1): is not a name of letters, digits, . _ -'],
    ['a max-bytes of 0', `- name: s\n  url: https://e.com/s\n  sha256: ${SHA256}\n  bundle: b\n  key: k\n  max-bytes: 0`, 'tools[0].max-bytes (line 6): is not a whole number'],
    ['a max-bytes of 13 digits', `- name: s\n  url: https://e.com/s\n  sha256: ${SHA256}\n  bundle: b\n  key: k\n  max-bytes: 1000000000000`, 'tools[0].max-bytes (line 6): is not a whole number'],
    ['an extract of a local tool', local('\n  extract: zip'), 'tools[0].extract (line 7): applies only to a downloaded tool (url)'],
    ['a timeout of a local tool', local('\n  timeout: 1m'), 'tools[0].timeout (line 7): applies only to a downloaded tool (url)'],
    ['caps of a local tool', local('\n  max-entries: 5'), 'tools[0].max-entries (line 7): applies only to a downloaded tool (url)'],
    ['an extracted-size cap of a local tool', local('\n  max-extracted-bytes: 5'), 'tools[0].max-extracted-bytes (line 7): applies only to a downloaded tool (url)'],
  ])('refuses %s', (_name, text, problem) => {
    const { specs, problems } = read(text);
    expect(problems).toContain(problem);
    expect(specs).toEqual([]);
  });

  it('takes a max-bytes of 12 digits', () => {
    expect(read(`- name: s\n  url: https://e.com/s\n  sha256: ${SHA256}\n  bundle: b\n  key: k\n  max-bytes: 999999999999`).specs[0]?.maxBytes).toBe(999_999_999_999);
  });

  it('refuses two tools of one name, naming the second, and keeps the first', () => {
    const { specs, problems } = read(`${local()}\n${local()}\n${local().replace('name: scanner', 'name: other')}`);
    expect(problems).toEqual(['tools[1].name (line 7): "scanner" is already the name of another tool; names must be unique']);
    expect(specs.map((s) => s.name)).toEqual(['scanner', 'scanner', 'other']);
  });

  it('drops only the entry that has a problem', () => {
    const { specs } = read(`${local().replace(SHA256, 'x')}\n${local().replace('name: scanner', 'name: good')}`);
    expect(specs.map((s) => s.name)).toEqual(['good']);
  });
});
