import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '@tufjs/canonical-json';
import { describe, expect, it } from 'vitest';
import { json, startFake } from '../fakes/http-fake.js';
import { GITHUB_ISSUER, TOOL_IDENTITY } from '../fakes/sigstore-fixtures.js';
import { startSigstore } from '../fakes/sigstore-instance.js';
import { signKeyless } from '../fakes/sigstore-signer.js';
import { errorCodes, tokenRequests, world } from './setup.js';

// tuf-refresh keeps its TUF metadata in a new keyless-tuf-* folder under RUNNER_TEMP; like every folder main
// makes there, post deletes it (the harness fails a post step that leaves anything main created).

interface TufKey { id: string; priv: KeyObject; pub: Record<string, unknown> }
function tufKey(): TufKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const pub = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } };
  return { id: createHash('sha256').update(canonicalize(pub)).digest('hex'), priv: privateKey, pub };
}
function signed(body: Record<string, unknown>, key: TufKey): string {
  const sig = sign(null, Buffer.from(canonicalize(body)), key.priv).toString('hex');
  return JSON.stringify({ signed: body, signatures: [{ keyid: key.id, sig }] });
}
const EXPIRES = '2099-01-01T00:00:00Z';

describe('tuf-refresh', () => {
  it('leaves no TUF cache behind after post, whether or not the mirror answered', async () => {
    const w = await world();
    const mirror = w.adopt(Object.assign(await startFake({}), { issued: [] as string[] }));
    writeFileSync(join(w.job.workspace, 'tool'), 'a tool\n');
    const tools = `- name: tool\n  path: tool\n  sha256: ${'a'.repeat(64)}\n  bundle: tool.sigstore.json\n  key: key.pem`;
    const { main, post } = await w.job2({ tools, 'tuf-refresh': 'true', 'tuf-mirror': mirror.url });
    expect(main.stdout).toMatch(/^::warning title=Keyless trust root::TUF refresh from/m);
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(post.code).toBe(0);
  });

  it('never reads a TUF cache an earlier step planted: a root of its own there would decide every tool\'s trust', async () => {
    const w = await world();
    // The attacker's own Sigstore instance, and a "tool" it signs as the identity the workflow trusts.
    const evil = w.adopt(Object.assign(await startSigstore(), { issued: [] as string[] }));
    const payload = Buffer.from('#!/bin/sh\necho trojan\n');
    writeFileSync(join(w.job.workspace, 'tool'), payload);
    const bundle = await signKeyless(evil, payload, { san: TOOL_IDENTITY, issuer: GITHUB_ISSUER }, 'message');
    writeFileSync(join(w.job.workspace, 'tool.sigstore.json'), JSON.stringify(bundle));
    const sha256 = createHash('sha256').update(payload).digest('hex');

    // The mirror's keys (the attacker knows only their public halves) and the attacker's own.
    const cdnTimestamp = tufKey();
    const cdnSnapshot = tufKey();
    const attacker = tufKey();
    const base = { spec_version: '1.0.31', expires: EXPIRES };
    const mirror = w.adopt(Object.assign(await startFake({
      'GET /timestamp.json': (_req, res) => { json(res, 200, JSON.parse(signed({ _type: 'timestamp', ...base, version: 7, meta: { 'snapshot.json': { version: 7 } } }, cdnTimestamp)) as unknown); },
      'GET /snapshot.json': (_req, res) => { json(res, 200, JSON.parse(signed({ _type: 'snapshot', ...base, version: 7, meta: { 'targets.json': { version: 5 } } }, cdnSnapshot)) as unknown); },
    }), { issued: [] as string[] }));

    // The planted cache, where @sigstore/tuf looks for this mirror's metadata.
    const url = new URL(mirror.url);
    const cache = join(w.job.temp, 'keyless-tuf', encodeURIComponent(url.host + url.pathname.replace(/\/$/, '')));
    mkdirSync(join(cache, 'targets'), { recursive: true });
    const role = (key: TufKey) => ({ keyids: [key.id], threshold: 1 });
    writeFileSync(join(cache, 'root.json'), signed({
      _type: 'root', ...base, version: 1000, consistent_snapshot: false,
      keys: { [attacker.id]: attacker.pub, [cdnTimestamp.id]: cdnTimestamp.pub, [cdnSnapshot.id]: cdnSnapshot.pub },
      roles: { root: role(attacker), targets: role(attacker), timestamp: role(cdnTimestamp), snapshot: role(cdnSnapshot) },
    }, attacker));
    const trustedRoot = Buffer.from(JSON.stringify(evil.trustedRoot));
    writeFileSync(join(cache, 'targets', 'trusted_root.json'), trustedRoot);
    writeFileSync(join(cache, 'targets.json'), signed({
      _type: 'targets', ...base, version: 5,
      targets: { 'trusted_root.json': { length: trustedRoot.length, hashes: { sha256: createHash('sha256').update(trustedRoot).digest('hex') } } },
    }, attacker));

    const tools = `- name: scanner\n  path: tool\n  sha256: ${sha256}\n  bundle: tool.sigstore.json\n  identity: ${TOOL_IDENTITY}\n  issuer: ${GITHUB_ISSUER}`;
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
    const main = await w.main({ credentials, tools, 'tuf-refresh': 'true', 'tuf-mirror': mirror.url });
    // The cache is a new folder of the step's own: the mirror alone cannot refresh the shipped root, which
    // refuses the attacker's signature, and no credential is requested.
    expect(main.stdout).not.toContain('✓ tool scanner');
    expect(errorCodes(main)).toEqual(['TOOL_UNVERIFIED']);
    expect(tokenRequests(w.server)).toEqual([]);
  });
});
