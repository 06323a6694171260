import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, oidcAudiences, tokenRequests, world } from './setup.js';

// Every end-to-end step starts with all of action.yml's defaults present as INPUT_*, as the runner sets
// them: these tests prove the policy file still works then, and that a real conflict is still refused.
const policy = (tokenEndpoint: string) => `# Keyless policy, reviewed like code
http-timeout: 20s
strict-cleanup: true
pin-policy: enforce
require-claims:
  repository: acme/widget
  ref: refs/heads/main
credentials: |
  - provider: rfc8693
    token-endpoint: ${tokenEndpoint}
    audience: https://api.example.com
`;

describe('the policy file on a runner that sets every input default', () => {
  it('supplies http-timeout, strict-cleanup, pin-policy, credentials and require-claims', async () => {
    const w = await world();
    writeFileSync(join(w.job.workspace, '.github/keyless.yml'), policy(w.server.tokenEndpoint));
    const { main, post } = await w.job2({});
    expect(errorCodes(main)).toEqual([]);
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(new URLSearchParams(tokenRequests(w.server)[0]?.body).get('audience')).toBe('https://api.example.com');
    expect(main.stdout).toContain('.github/keyless.yml');
    expect(post.code).toBe(0);
    w.expectNoLeaks([main, post]);
  });

  it('applies what the file says: a claim it requires that the token lacks refuses before any exchange', async () => {
    const w = await world();
    writeFileSync(join(w.job.workspace, '.github/keyless.yml'), policy(w.server.tokenEndpoint).replace('refs/heads/main', 'refs/heads/release'));
    const main = await w.main({});
    expect(errorCodes(main)).toEqual(['CLAIMS_REFUSED']);
    expect(tokenRequests(w.server)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('refuses a key the workflow also sets, naming the input and the line in the file', async () => {
    const w = await world();
    writeFileSync(join(w.job.workspace, '.github/keyless.yml'), policy(w.server.tokenEndpoint));
    const main = await w.main({ 'pin-policy': 'warn' });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain("pin-policy: is set both as an input (the step's with:) and in .github/keyless.yml (line 4); keep one");
    expect(main.stdout).not.toContain('strict-cleanup: is set both');
    expect(oidcAudiences(w.runner)).toEqual([]);
  });

  it('names the line in the file of a wrong value, in a block of YAML text and in a scalar', async () => {
    const w = await world();
    const text = policy(w.server.tokenEndpoint).replace('http-timeout: 20s', 'http-timeout: forever').replace('    audience: https://api.example.com', '    audiense: https://api.example.com');
    writeFileSync(join(w.job.workspace, '.github/keyless.yml'), text);
    const main = await w.main({});
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('.github/keyless.yml: http-timeout (line 2): is not a duration');
    expect(main.stdout).toContain('.github/keyless.yml: credentials[0].audiense (line 11): unknown key (did you mean "audience"?)');
  });
});
