import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { GITHUB_ISSUER, LOOKALIKE_IDENTITY, LOOKALIKE_ISSUER, type SignedFixtures, signedFixtures, TOOL_IDENTITY, TOOL_REPOSITORY } from '../fakes/sigstore-fixtures.js';
import { errorCodes, oidcAudiences, tokenRequests, world } from './setup.js';

// The tool gate (the action's `tools` input) against bundles signed at test time by a loopback Sigstore
// instance: no outside corpus, so these run in every clone and in CI.
let f: SignedFixtures;
beforeAll(async () => {
  f = await signedFixtures();
});
afterAll(() => f.sigstore.close());

type World = Awaited<ReturnType<typeof world>>;
const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;

type Bundle = keyof SignedFixtures['bundles'];
interface Entry {
  name?: string;
  /** The file on the runner, and the sha256 the policy pins (the file's own, unless given). */
  file?: 'tool' | 'other' | 'tampered';
  pin?: string;
  bundle?: Bundle;
  /** Signer policy lines, after the bundle. */
  policy?: string;
}

const KEYLESS = `identity: ${TOOL_IDENTITY}\n  issuer: ${GITHUB_ISSUER}`;
const KEY = () => `key: ${f.key}`;

/** One `tools` entry: a local file pinned by sha256, a bundle, and a signer policy. */
function tool({ name = 'scanner', file = 'tool', pin, bundle = 'keylessMessage', policy = KEYLESS }: Entry): string {
  return `- name: ${name}\n  path: ${f[file].path}\n  sha256: ${pin ?? f[file].sha256}\n  bundle: ${f.bundles[bundle]}\n  ${policy}`;
}

/** Runs main with the tools and one credential entry, under this instance's trusted root. */
async function gate(tools: string) {
  const w = await world();
  const main = await w.main({ credentials: credentials(w), tools, 'trusted-root': f.trustedRoot });
  return { w, main };
}

describe('the tool gate, on a bundle signed at test time', () => {
  it.each([
    ['a keyless message signature', () => ({ bundle: 'keylessMessage' }), TOOL_IDENTITY],
    ['a keyless DSSE provenance attestation, with its builder and source repository', () => ({ bundle: 'keylessDsse', policy: `${KEYLESS}\n  builder: ${TOOL_IDENTITY}\n  source-repository: ${TOOL_REPOSITORY}` }), TOOL_IDENTITY],
    ['a managed-key message signature', () => ({ bundle: 'keyMessage', policy: KEY() }), undefined],
    ['a managed-key DSSE attestation', () => ({ bundle: 'keyDsse', policy: KEY() }), undefined],
  ] as [string, () => Entry, string | undefined][])('verifies %s before asking the runner for a token, then mints and records the chain', async (_name, entry, identity) => {
    const { w, main } = await gate(tool(entry()));
    expect(main.stdout).not.toContain('::error::');
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(`✓ tool scanner: sha256:${f.tool.sha256} signed by ${identity ?? 'the pinned key'}, log index `);
    expect(main.stdout.indexOf('✓ tool scanner')).toBeLessThan(main.stdout.indexOf('Runner OIDC token'));
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as AuditRecord;
    expect(audit.tools[0]).toMatchObject({ name: 'scanner', digest: `sha256:${f.tool.sha256}`, tlogIndex: expect.stringMatching(/^\d+$/) as unknown });
    expect(audit.tools[0]?.identity).toBe(identity);
    w.expectNoLeaks([main]);
  });

  it('accepts an identity-regexp that matches the whole SAN', async () => {
    const { main } = await gate(tool({ policy: `identity-regexp: https://github\\.com/acme/tool/\\.github/workflows/release\\.yml@refs/tags/v\\d+\\.\\d+\\.\\d+\n  issuer: ${GITHUB_ISSUER}` }));
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(`✓ tool scanner: sha256:${f.tool.sha256} signed by ${TOOL_IDENTITY}`);
  });
});

// Gate before OIDC: whatever the reason a tool fails, the step fails with it, and the runner was never asked for a token.
describe('the tool gate refuses, and no OIDC request reaches the runner', () => {
  const tampered = () => f.tampered.sha256;
  it.each([
    ['a tampered file under the genuine pin', () => ({ file: 'tampered', pin: f.tool.sha256 }), () => `scanner: [TOOL_UNVERIFIED] sha256 is ${tampered()}, the pin is ${f.tool.sha256}`],
    ['a tampered file pinned as it is, against the message signature of the genuine one', () => ({ file: 'tampered' }), () => `scanner: [SIGNATURE_INVALID] the bundle signs sha256:${f.tool.sha256}, not sha256:${tampered()}`],
    ['a tampered file pinned as it is, against the attestation of the genuine one', () => ({ file: 'tampered', bundle: 'keylessDsse' }), () => `scanner: [SIGNATURE_INVALID] the attestation is for tool@sha256:${f.tool.sha256}, not sha256:${tampered()}`],
    ['a key-signed bundle for the genuine file, on a tampered one', () => ({ file: 'tampered', bundle: 'keyMessage', policy: KEY() }), () => `scanner: [SIGNATURE_INVALID] the bundle signs sha256:${f.tool.sha256}, not sha256:${tampered()}`],
    ['the message signature of another artifact', () => ({ bundle: 'otherMessage' }), () => `scanner: [SIGNATURE_INVALID] the bundle signs sha256:${f.other.sha256}, not sha256:${f.tool.sha256}`],
    ['the attestation of another artifact', () => ({ bundle: 'otherDsse' }), () => `scanner: [SIGNATURE_INVALID] the attestation is for tool@sha256:${f.other.sha256}, not sha256:${f.tool.sha256}`],
    ['another signer identity', () => ({ policy: `identity: https://github.com/acme/other/.github/workflows/release.yml@refs/tags/v1.0.0\n  issuer: ${GITHUB_ISSUER}` }), () => `scanner: [SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR: certificate identity error - expected /^https:\\/\\/github\\.com\\/acme\\/other\\/\\.github\\/workflows\\/release\\.yml@refs\\/tags\\/v1\\.0\\.0$/, got ${TOOL_IDENTITY}`],
    // Invariant 4: the identity is a literal; as a regular expression its "." would match the certificate's "X".
    ['a SAN that matches the identity only if "." were a wildcard', () => ({ bundle: 'lookalikeIdentity' }), () => `scanner: [SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR: certificate identity error - expected /^https:\\/\\/github\\.com\\/acme\\/tool\\/\\.github\\/workflows\\/release\\.yml@refs\\/tags\\/v1\\.0\\.0$/, got ${LOOKALIKE_IDENTITY}`],
    // Anchored around the alternatives as a whole: `^a|b$` would let `b` match anywhere from the start.
    ['an identity-regexp whose second alternative matches only the end of the SAN', () => ({ policy: `identity-regexp: https://nowhere\\.example|acme/tool/.*\n  issuer: ${GITHUB_ISSUER}` }), () => `UNTRUSTED_SIGNER_ERROR: certificate identity error - expected /^(?:https:\\/\\/nowhere\\.example|acme\\/tool\\/.*)$/, got ${TOOL_IDENTITY}`],
    ['another issuer', () => ({ policy: `identity: ${TOOL_IDENTITY}\n  issuer: https://accounts.google.com` }), () => `UNTRUSTED_SIGNER_ERROR: invalid certificate extension - expected issuer=https://accounts.google.com, got issuer=${GITHUB_ISSUER}`],
    ['a certificate whose issuer only starts like the policy\'s', () => ({ bundle: 'lookalikeIssuer' }), () => `UNTRUSTED_SIGNER_ERROR: invalid certificate extension - expected issuer=${GITHUB_ISSUER}, got issuer=${LOOKALIKE_ISSUER}`],
    ['a certificate extension that only starts like the policy\'s', () => ({ policy: `${KEYLESS}\n  source-repository: ${TOOL_REPOSITORY}-fork` }), () => `scanner: [SIGNATURE_INVALID] the signing certificate does not meet the policy: source-repository is "${TOOL_REPOSITORY}", policy wants "${TOOL_REPOSITORY}-fork"`],
    ['a key policy given a certificate bundle', () => ({ policy: KEY() }), () => 'scanner: [SIGNATURE_INVALID] the bundle is signed with a certificate (x509CertificateChain), not with the given key'],
    ['a key policy given a certificate attestation', () => ({ bundle: 'keylessDsse', policy: KEY() }), () => 'scanner: [SIGNATURE_INVALID] the bundle is signed with a certificate (certificate), not with the given key'],
    ['a bundle signed by another key', () => ({ bundle: 'keyMessage', policy: `key: ${f.otherKey}` }), () => 'scanner: [SIGNATURE_INVALID] SIGNATURE_ERROR: signature verification failed'],
    // Invariant 7: the root is the trusted one, so only Keyless's own check stands between this bundle and a pass.
    ['a certificate chain that carries its root', () => ({ bundle: 'rootInChain' }), () => 'scanner: [SIGNATURE_INVALID] the bundle carries a root certificate in its chain; roots come only from the trusted root'],
  ] as [string, () => Entry, () => string][])('refuses %s', async (_name, entry, reason) => {
    const { w, main } = await gate(tool(entry()));
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain('::error::[TOOL_UNVERIFIED] 1 tool(s) failed verification, so no credential was requested: ');
    expect(main.stdout).toContain(reason());
    expect(main.stdout).not.toContain('[INTERNAL]');
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(w.runner.requests).toEqual([]);
    expect(tokenRequests(w.server)).toEqual([]);
    expect(main.files.env).toBe('');
    expect(main.stdout).not.toContain('Runner OIDC token');
    w.expectNoLeaks([main]);
  });

  it('refuses the whole set when one tool of several fails, and names only that one', async () => {
    const tools = [tool({ name: 'scanner' }), tool({ name: 'signer', bundle: 'keyDsse', policy: KEY() }), tool({ name: 'lookalike', bundle: 'lookalikeIdentity' })].join('\n');
    const { w, main } = await gate(tools);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(main.stdout).toContain('1 tool(s) failed verification, so no credential was requested: lookalike: [SIGNATURE_INVALID] UNTRUSTED_SIGNER_ERROR');
    expect(main.stdout).toContain('✓ tool scanner');
    expect(main.stdout).toContain('✓ tool signer');
    expect(w.runner.requests).toEqual([]);
    expect(tokenRequests(w.server)).toEqual([]);
  });
});
