import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/http/client.js';
import { fixText } from '../../../src/policy/pins/fix.js';
import { scanText } from '../../../src/policy/pins/scan.js';
import { type GitHubApiFake, startGitHubApi } from '../../fakes/github-api.js';
import type { Fake } from '../../fakes/http-fake.js';
import { startRegistry } from '../../fakes/registry.js';

// fixText on one file's findings, against the GitHub API and registry fakes: which bytes change, where the
// tag comment goes, and what it refuses to write.

const CHECKOUT = 'c'.repeat(40);
const open: Fake[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function api(git: Parameters<typeof startGitHubApi>[0]['git'] = { 'actions/checkout': { 'tags/v4': { sha: CHECKOUT, type: 'commit' } } }): Promise<GitHubApiFake> {
  const fake = await startGitHubApi({ git });
  open.push(fake);
  return fake;
}

async function fix(text: string, github: GitHubApiFake) {
  return fixText(text, scanText('w.yml', text, []), { http: createHttpClient({ maxAttempts: 1 }), api: new URL(github.url) });
}

const steps = (...lines: string[]) => ['jobs:', '  a:', '    runs-on: x', '    steps:', ...lines, ''].join('\n');

describe('fixText', () => {
  it('replaces only the reference, keeps its quotes, and adds the tag as a comment', async () => {
    const result = await fix(steps("      - uses: 'actions/checkout@v4'"), await api());
    expect(result.text).toBe(steps(`      - uses: 'actions/checkout@${CHECKOUT}' # v4`));
    expect(result.fixed).toEqual([{ line: 5, from: 'actions/checkout@v4', to: `actions/checkout@${CHECKOUT}` }]);
  });

  it('puts the comment before a CRLF line end, and adds none where the line has a comment', async () => {
    const text = steps('      - uses: actions/checkout@v4', '      - uses: actions/checkout@v4 # pinned by hand later').replace(/\n/g, '\r\n');
    const result = await fix(text, await api());
    expect(result.text).toBe(steps(`      - uses: actions/checkout@${CHECKOUT} # v4`, `      - uses: actions/checkout@${CHECKOUT} # pinned by hand later`).replace(/\n/g, '\r\n'));
  });

  it('comments a line once when it holds two references', async () => {
    const flow = 'jobs: {a: {steps: [{uses: actions/checkout@v4}, {uses: actions/checkout@v4}]}}\n';
    const result = await fix(flow, await api());
    expect(result.text).toBe(`jobs: {a: {steps: [{uses: actions/checkout@${CHECKOUT}}, {uses: actions/checkout@${CHECKOUT}}]}} # v4\n`);
    expect(result.fixed).toHaveLength(2);
  });

  it('adds no comment where the line end is inside a value that goes on below, and still pins', async () => {
    const flow = steps('      - {uses: actions/checkout@v4, with: {args: "--env prod', '          --dry-run"}}');
    const result = await fix(flow, await api());
    expect(result.text).toBe(flow.replace('@v4', `@${CHECKOUT}`));
    const quoted = steps("      - {uses: actions/checkout@v4, if: 'github.ref ==", "          ''refs/heads/main'''}");
    expect((await fix(quoted, await api())).text).toBe(quoted.replace('@v4', `@${CHECKOUT}`));
  });

  it('leaves a reference set by an expression, and one with no such tag, saying why', async () => {
    const text = steps('      - uses: actions/checkout@v9', '    container: ${{ needs.setup.outputs.image }}');
    const result = await fix(text, await api());
    expect(result.text).toBe(text);
    expect(result.unresolved).toEqual([
      { line: 6, ref: 'needs.setup.outputs.image', reason: 'set by an expression' },
      { line: 5, ref: 'actions/checkout@v9', reason: '[INPUT_INVALID] actions/checkout has no tag or branch v9 — check the reference, or pin it by hand' },
    ]);
  });

  it('refuses to write what the API names a commit by, when it is not 40 hex digits', async () => {
    const result = await fix(steps('      - uses: actions/checkout@v4'), await api({ 'actions/checkout': { 'tags/v4': { sha: `${CHECKOUT}0`, type: 'commit' } } }));
    expect(result.fixed).toEqual([]);
    expect(result.unresolved[0]?.reason).toMatch(/^\[HTTP_BAD_RESPONSE\] GitHub API named v4 of actions\/checkout by something that is not a commit SHA/);
    expect(result.text).not.toContain(CHECKOUT);
  });

  it('pins an image to the digest of the bytes the registry served, and refuses a registry whose header says otherwise', async () => {
    const index = JSON.stringify({ schemaVersion: 2, manifests: [] });
    const honest = await startRegistry({ 'library/node:20': index });
    const lying = await startRegistry({ 'library/node:20': index }, { headerDigest: { 'library/node:20': `sha256:${'0'.repeat(64)}` } });
    open.push(honest, lying);
    const github = await api();
    const image = (registry: Fake) => `${registry.url.replace('http://', '')}/library/node:20`;
    const good = await fix(`jobs: {a: {container: ${image(honest)}}}\n`, github);
    expect(good.text).toBe(`jobs: {a: {container: ${image(honest)}@${honest.digests['library/node:20'] ?? ''}}}\n`);
    const bad = await fix(`jobs: {a: {container: ${image(lying)}}}\n`, github);
    expect(bad.fixed).toEqual([]);
    expect(bad.unresolved[0]?.reason).toMatch(/named the manifest of library\/node:20 sha256:0{64}, but the manifest it served hashes to sha256:/);
  });
});
