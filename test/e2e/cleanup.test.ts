import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repeat } from '../fakes/http-fake.js';
import { errorCodes, world } from './setup.js';

describe('post-step cleanup', () => {
  it('revokes what a main step minted before it was killed half way', async () => {
    const w = await world();
    const stalled = await w.addServer();
    stalled.faults.push({ kind: 'delay', ms: 20_000 });
    const credentials = `
- provider: rfc8693
  id: fast
  issuer: ${w.server.issuer}
  export: file
- provider: rfc8693
  id: stalled
  issuer: ${stalled.issuer}`;
    const main = await w.main({ credentials }, {}, (child, stateFile) => {
      const poll = setInterval(() => {
        if (readFileSync(stateFile, 'utf8').includes('"kind":"revoke"')) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 5);
    });
    expect(main.signal).toBe('SIGKILL');
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
