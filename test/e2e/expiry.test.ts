import { describe, expect, it } from 'vitest';
import type { Answer } from '../fakes/http-fake.js';
import { startGoogle } from '../fakes/google.js';
import { startVault } from '../fakes/vault.js';
import { awsWorld } from './aws-world.js';
import { errorCodes, world } from './setup.js';

// The expiry an issuer answers is printed on the ✓ line, set as the expires-at output, written to the audit
// record and saved with the revocation for the post step, which reads back only a 4-digit-year ISO date:
// an expiry already past, or far beyond any credential's lifetime, is a bad answer, refused at once.

const SUB = 'repo:acme/widget:ref:refs/heads/main';
const PROVIDER = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
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

  it.each([
    ['past the year 9999', '300000000000', 'an expiry that cannot be read (+'],
    ['past any date JavaScript can hold', '1e300', 'an expiry that cannot be read (in 1e+300 s)'],
  ])('refuses a Vault token whose lease ends %s, and still revokes it at post', async (_name, lease, message) => {
    const w = await world();
    const vault = w.adopt(await startVault({ trustedIssuer: w.runner.issuer, audience: 'vault.example', role: 'ci', subjects: [SUB] }));
    vault.filters.push((answer) => (answer.body.includes('"client_token"') ? { ...answer, body: answer.body.replace('"lease_duration":900', `"lease_duration":${lease}`) } : answer));
    const credentials = `- provider: vault\n  url: ${vault.url}\n  role: ci\n  oidc-audience: vault.example`;
    const { main, post } = await w.job2({ credentials });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain(`vault "vault": the issuer answered ${message}`);
    expect(main.env).toEqual({});
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('ignored');
    expect(vault.revoked).toEqual(new Set(vault.issued));
    w.expectNoLeaks([main, post]);
  });

  it('refuses a Google token whose expires_in is past any date JavaScript can hold, and still revokes it at post', async () => {
    const w = await world();
    const google = w.adopt(await startGoogle({ trustedIssuer: w.runner.issuer, provider: PROVIDER }));
    google.filters.push((answer) => ({ ...answer, body: answer.body.replace('"expires_in":3599', '"expires_in":1e300') }));
    const credentials = `- provider: gcp\n  workload-identity-provider: ${PROVIDER}\n  sts-endpoint: ${google.url}/v1/token\n  revoke-endpoint: ${google.url}/revoke`;
    const { main, post } = await w.job2({ credentials });
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toContain('gcp "gcp": the issuer answered an expiry that cannot be read (in 1e+300 s)');
    expect(main.env).toEqual({});
    expect(post.code).toBe(0);
    expect(google.revoked).toEqual(new Set(google.issued));
    w.expectNoLeaks([main, post]);
  });
});
