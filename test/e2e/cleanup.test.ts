import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdOpen, repeat } from '../fakes/http-fake.js';
import { errorCodes, world } from './setup.js';

/** Polls `condition` until it holds (true) or `ms` pass (false). */
async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

describe('post-step cleanup', () => {
  it('revokes what a main step minted before it was killed half way', async () => {
    const w = await world();
    // The second exchange is held open until main is dead: main is killed with it in flight, never by a timer.
    const stalled = await w.addServer();
    const hold = holdOpen();
    stalled.faults.push(hold.fault);
    const credentials = `
- provider: rfc8693
  id: fast
  issuer: ${w.server.issuer}
  export: file
- provider: rfc8693
  id: stalled
  issuer: ${stalled.issuer}`;
    let recordedWhileHeld = false;
    const main = await w.main({ credentials }, {}, (child, stateFile) => {
      // Once the second exchange is held, the first credential's revocation must reach the state with no
      // further exchange settling: the hold lasts until the kill, so waiting here cannot let a late record in.
      void hold.held
        .then(() => until(() => w.server.issued.length === 1 && readFileSync(stateFile, 'utf8').includes('"kind":"revoke"'), 10_000))
        .then((recorded) => {
          recordedWhileHeld = recorded;
          child.kill('SIGKILL');
        });
    });
    expect(main.signal).toBe('SIGKILL');
    expect(recordedWhileHeld, "the first credential's revocation reached the state while the second exchange was open").toBe(true);
    expect(stalled.issued).toEqual([]);
    hold.release();
    expect(main.env).toEqual({});
    expect(w.server.issued).toHaveLength(1);

    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(w.server.revoked).toEqual(new Set(w.server.issued));
    expect(post.stdout).toContain('✓ revoked rfc8693 "fast"');
    w.expectNoLeaks([main, post]);
  });

  it('exports nothing when one exchange fails, and post revokes the ones that succeeded', async () => {
    const w = await world();
    const failing = await w.addServer();
    failing.faults.push({ kind: 'status', status: 400, body: { error: 'invalid_scope', error_description: 'scope admin is not allowed' } });
    const credentials = `
- provider: rfc8693
  id: good
  issuer: ${w.server.issuer}
- provider: rfc8693
  id: bad
  issuer: ${failing.issuer}
  scope: admin`;
    const { main, post } = await w.job2({ credentials });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('rfc8693 "bad": token endpoint');
    expect(main.stdout).toContain('1 credential(s) were minted but not handed out; the post step revokes them.');
    expect(main.files.env).toBe('');
    expect(post.code).toBe(0);
    expect(w.server.revoked.size).toBe(1);
    w.expectNoLeaks([main, post]);
  });

  it('warns but passes when revocation fails, and fails under strict-cleanup', async () => {
    for (const strict of ['false', 'true']) {
      const w = await world();
      w.server.faults.push({ kind: 'delay', ms: 0 }); // the exchange itself succeeds
      const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}`;
      const main = await w.main({ credentials, 'strict-cleanup': strict });
      expect(main.code).toBe(0);
      w.server.faults.push(...repeat(3, { kind: 'status', status: 503, body: { error: 'temporarily_unavailable' } }));
      const post = await w.post({ credentials, 'strict-cleanup': strict }, main);
      expect(post.stdout).toMatch(/::warning::rfc8693 "rfc8693": revocation endpoint .* HTTP 503/);
      expect(post.summary).toContain('revocation failed');
      if (strict === 'true') {
        expect(post.code).toBe(1);
        expect(errorCodes(post)).toEqual(['REVOKE_FAILED']);
      } else {
        expect(post.code).toBe(0);
      }
      w.expectNoLeaks([main, post]);
    }
  });

  it('does nothing, quietly, when main recorded nothing', async () => {
    const w = await world();
    const main = await w.main({ credentials: '- provider: nope' });
    const post = await w.post({ credentials: '- provider: nope' }, main);
    expect(post.code).toBe(0);
    expect(post.summary).toBe('');
  });
});
