import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, root } from './setup.js';

// The official sigstore-conformance bundle-verify cases, from ../shared/corpus (never copied here).
const corpus = join(root, '..', 'shared', 'corpus', 'sigstore-conformance');
const present = existsSync(join(corpus, 'manifest.json'));
if (!present) console.log(`sigstore-conformance corpus not found at ${corpus}: skipping its suite`);

interface Case {
  id: string;
  bundle: string;
  artifact: string;
  digest: string;
  trusted_root: string;
  trusted_root_origin: string;
  identity: string | null;
  issuer: string | null;
  key: string | null;
  expect: 'pass' | 'fail';
}

const cases: Case[] = present ? (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Case[]) : [];

function verify(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dist, 'cli.js'), 'verify', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function argsFor(c: Case, mode: 'artifact' | 'digest'): string[] {
  const at = (path: string) => join(corpus, path);
  const args = ['--bundle', at(c.bundle), ...(mode === 'artifact' ? ['--artifact', at(c.artifact)] : ['--digest', c.digest])];
  // Cases on the public-good root run on the root Keyless ships, which must be the same one.
  if (c.trusted_root_origin === 'case') args.push('--trusted-root', at(c.trusted_root));
  if (c.key) args.push('--key', at(c.key));
  if (c.identity) args.push('--identity', c.identity);
  if (c.issuer) args.push('--issuer', c.issuer);
  return args;
}

describe.runIf(present).concurrent('sigstore-conformance bundle-verify, through dist/cli.js verify', () => {
  for (const c of cases) {
    for (const mode of ['artifact', 'digest'] as const) {
      it(`${c.id} (${mode}) must ${c.expect}`, async () => {
        const { code, stderr } = await verify(argsFor(c, mode));
        expect({ code, stderr: code === 0 ? '' : stderr.split('\n')[0] }).toMatchObject({ code: c.expect === 'pass' ? 0 : 1 });
      });
    }
  }
});
