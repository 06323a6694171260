import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, world } from './setup.js';

// What an earlier step, or a careless edit, can put in front of Keyless's configuration: a policy file
// outside the checkout, secrets pasted into the wrong key, variables that would take over later steps.

const SECRET = 'ghp_R3alLook1ngT0kenValue0123456789abcdEF';

describe('hostile configuration', () => {
  it('refuses a policy-file outside the workspace, by path or by symlink, before any request', async () => {
    const w = await world();
    writeFileSync(join(w.job.root, 'x.yml'), `credentials: |\n  - provider: rfc8693\n    token-endpoint: ${w.server.url}/token\n`);
    mkdirSync(join(w.job.workspace, 'sub'));
    symlinkSync(join(w.job.root, 'x.yml'), join(w.job.workspace, 'policy.yml'));
    const runs = [];
    for (const path of ['../x.yml', 'sub/../../x.yml', join(w.job.root, 'x.yml'), 'policy.yml']) {
      const main = await w.main({ 'policy-file': path });
      expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
      expect(main.stdout).toContain('policy-file is not a file inside the workspace (GITHUB_WORKSPACE), once symlinks are followed');
      runs.push(main);
    }
    expect(w.runner.requests).toHaveLength(0);
    expect(w.server.requests).toHaveLength(0);
    w.expectNoLeaks(runs);
  });

  it('names the keys of the policy file it refuses, never their values', async () => {
    const w = await world();
    writeFileSync(join(w.job.workspace, 'keyless.yml'), `npm-token: ${SECRET}\npin-policy: ${SECRET}\n${SECRET}: yes\n`);
    const main = await w.main({ 'policy-file': 'keyless.yml', credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.url}/token` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('keyless.yml: npm-token (line 1): unknown key');
    expect(main.stdout).toContain('keyless.yml: a key that is no key name (line 3): unknown key');
    expect(main.stdout).not.toContain(SECRET);
    expect(main.stdout).not.toContain(SECRET.slice(4, 20));
    w.expectNoLeaks([main]);
  });

  it.each([
    ['BASH_ENV', 'shells of later steps'],
    ['NODE_OPTIONS', 'Node.js reads it'],
    ['LD_PRELOAD', 'dynamic loader'],
    ['PATH', 'which program every later command runs'],
    ['Path', 'which program every later command runs'],
    ['GITHUB_TOKEN', 'belongs to the runner'],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', 'belongs to the runner'],
    ['GIT_SSH_COMMAND', 'git reads GIT_* variables'],
    ['PYTHONSTARTUP', 'Python imports or runs code'],
    ['JAVA_TOOL_OPTIONS', 'every JVM'],
    ['NPM_CONFIG_SCRIPT_SHELL', 'npm reads its configuration'],
  ])('refuses export-env %s with the reason, before any request', async (name, reason) => {
    const w = await world();
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.url}/token\n  export-env: ${name}` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain(`credentials[0].export-env (line 3): may not name ${name}: `);
    expect(main.stdout).toContain(reason);
    expect(w.runner.requests).toHaveLength(0);
    expect(main.files.env).toBe('');
    w.expectNoLeaks([main]);
  });

  it('refuses a default variable derived from the id, and the github provider\'s export-env too', async () => {
    const w = await world();
    const main = await w.main({
      credentials: `- provider: rfc8693\n  id: github\n  token-endpoint: ${w.server.url}/token\n- provider: github\n  scope: acme/widget\n  identity: release\n  export-env: RUNNER_TEMP`,
    });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain("credentials[0].export-env: may not name the default variable GITHUB_TOKEN (from the entry's id)");
    expect(main.stdout).toContain('credentials[1].export-env (line 7): may not name RUNNER_TEMP');
    expect(w.runner.requests).toHaveLength(0);
    // A near miss is an ordinary name: NODE_AUTH_TOKEN is how setup-node's .npmrc reads a token.
    const ordinary = await w.main({ credentials: `- provider: rfc8693\n  id: github\n  token-endpoint: ${w.server.url}/token\n  export-env: NODE_AUTH_TOKEN` });
    expect(ordinary.code).toBe(0);
    expect(ordinary.env.NODE_AUTH_TOKEN).toBe(w.server.issued[0]);
    w.expectNoLeaks([main, ordinary]);
  });
});
