import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderError } from '../../../../src/errors.js';
import { toPosixPath } from '../../../../src/os/paths.js';
import { GITHUB_ISSUER, type SignedFixtures, signedFixtures, TOOL_IDENTITY } from '../../../fakes/sigstore-fixtures.js';
import { runGate } from './gate-run.js';

// The files a tool entry names in the checkout — the tool, its bundle, its key, the trusted root — are
// whatever a pull request commits: a FIFO that would hang the step, a link to /dev/zero that never ends,
// a file of gigabytes. Each is refused, with the gate's code, before it is read.

let f: SignedFixtures;
let planted: string;
beforeAll(async () => {
  f = await signedFixtures();
  planted = mkdtempSync(join(f.dir, 'planted-'));
});
afterAll(async () => {
  await f.sigstore.close();
});

const KEYLESS = () => `identity: ${TOOL_IDENTITY}\n  issuer: ${GITHUB_ISSUER}`;
const entry = (lines: string, tool = f.tool.path) => `- name: scanner\n  path: ${tool}\n  sha256: ${f.tool.sha256}\n  ${lines}`;

/** A path in the workspace holding `kind`, made fresh for each case. */
function plant(kind: 'fifo' | 'dev-zero' | 'folder', name: string): string {
  const path = join(planted, `${kind}-${name}`);
  if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else if (kind === 'dev-zero') symlinkSync('/dev/zero', path);
  else mkdirSync(path);
  return path;
}

/** A sparse file of `bytes`: nothing is written, so a cap of megabytes costs nothing to test. */
function sized(name: string, bytes: number): string {
  const path = join(planted, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

const inputs = {
  bundle: (path: string) => [entry(`bundle: ${path}\n  ${KEYLESS()}`), {}] as const,
  key: (path: string) => [entry(`bundle: ${f.bundles.keyMessage}\n  key: ${path}`), {}] as const,
  'trusted-root': (path: string) => [entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`), { 'trusted-root': path }] as const,
  tool: (path: string) => [entry(`bundle: ${f.bundles.keylessMessage}\n  ${KEYLESS()}`, path), {}] as const,
};
const named = { bundle: 'bundle ', key: 'key ', 'trusted-root': 'trusted-root ', tool: '' } as const;

// FIFOs and /dev/zero are POSIX things: Windows has neither to plant.
describe.skipIf(process.platform === 'win32')('gateTools, files in the checkout that are not regular files', () => {
  for (const input of ['bundle', 'key', 'trusted-root', 'tool'] as const) {
    for (const kind of ['fifo', 'dev-zero', 'folder'] as const) {
      it(`refuses a ${input} that is a ${kind}, without reading it`, async () => {
        const path = plant(kind, input);
        const [tools, extra] = inputs[input](path);
        const run = await gate(tools, extra);
        expect(run.error?.code).toBe('TOOL_UNVERIFIED');
        expect(run.error?.message).toContain(`${named[input]}${toPosixPath(path)} is not a regular file`);
      }, 10_000);
    }
  }
});

describe('gateTools, evidence files past their cap', () => {
  it.each([
    ['bundle', 10 * 1024 * 1024, 'a bundle is a regular file of at most 10 MiB', 'is not JSON'],
    ['trusted-root', 10 * 1024 * 1024, 'a trusted root is a regular file of at most 10 MiB', 'is not JSON'],
    ['key', 64 * 1024, 'a key is a regular file of at most 64 KiB', 'is not a readable public key'],
  ] as const)('refuses a %s one byte over %i bytes, unread, saying what it must be; reads one at the cap', async (input, cap, hint, atCap) => {
    const path = sized(`big-${input}`, cap + 1);
    const [tools, extra] = inputs[input](path);
    const run = await gate(tools, extra);
    expect(run.error?.code).toBe('TOOL_UNVERIFIED');
    // The trusted root is read once, before the tools: its refusal is the gate's own, not one tool's.
    expect(renderError(run.error)).toContain(`${named[input]}${toPosixPath(path)} is larger than ${cap} bytes — ${hint}`);
    const [fits, fitsExtra] = inputs[input](sized(`cap-${input}`, cap));
    expect((await gate(fits, fitsExtra)).error?.message).toContain(atCap);
  });
});

function gate(tools: string, extra: Record<string, string> = {}) {
  return runGate(f, tools, extra);
}
