import { describe, expect, it } from 'vitest';
import type { Answer } from '../fakes/http-fake.js';
import { startVault } from '../fakes/vault.js';
import { awsWorld } from './aws-world.js';
import { errorCodes, world } from './setup.js';

// The expiry an issuer answers is printed on the ✓ line, set as the expires-at output, written to the audit
// record and saved with the revocation for the post step, which reads back only a 4-digit-year ISO date:
// an expiry already past, or far beyond any credential's lifetime, is a bad answer, refused at once.

const SUB = 'repo:acme/widget:ref:refs/heads/main';
const HOUR = 3600 * 1000;

/** STS's answer with its Expiration replaced. */
const expiration = (at: string) => (answer: Answer): Answer => ({ ...answer, body: answer.body.replace(/<Expiration>[^<]*<\/Expiration>/, `<Expiration>${at}</Expiration>`) });

describe('the expiry an issuer answers', () => {
  it.each([
    ['already past', new Date(Date.now() - HOUR).toISOString(), 'a credential that had expired'],
    ['centuries away', '2999-01-01T00:00:00Z', 'an expiry more than a year away'],
  ])('refuses an AWS session %s, and hands out nothing', async (_name, at, message) => {
    const w = await awsWorld();
    w.sts.filters.push(expiration(at));
    const main = await w.main({ credentials: w.entry() });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain(`aws "aws": the issuer answered ${message}`);
    expect(main.stdout).not.toContain('✓');
    expect(main.outputs['aws-expires-at']).toBeUndefined();
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('refuses a Vault token whose lease ends past the year 9999, and still revokes it at post', async () => {
    const w = await world();
    const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [SUB] }));
    vault.filters.push((answer) => (answer.body.includes('"client_token"') ? { ...answer, body: answer.body.replace('"lease_duration":900', '"lease_duration":300000000000') } : answer));
    const credentials = `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example`;
    const { main, post } = await w.job2({ credentials });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain('vault "vault": the issuer answered an expiry that cannot be read (+');
    expect(main.env).toEqual({});
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('ignored');
    expect(vault.revoked).toEqual(new Set(vault.issued));
    w.expectNoLeaks([main, post]);
  });
});
