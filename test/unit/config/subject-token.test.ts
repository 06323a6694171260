import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { configProblems } from './problems.js';

const workspace = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
const sts = '- provider: rfc8693\n  token-endpoint: https://sts.example.com/token\n';

const problems = (credentials: string) => configProblems(credentials, workspace);

describe('subject-token-source', () => {
  it('is the runner unless an entry says otherwise', () => {
    expect(loadConfig({ credentials: sts }, workspace).credentials[0]?.subjectToken).toEqual({ kind: 'runner' });
  });

  it('reads each source with its keys, a relative file against the workspace', () => {
    const config = loadConfig({
      credentials: [
        `${sts}  id: a\n  subject-token-source: file\n  subject-token-file: /var/run/secrets/tokens/keyless`,
        `${sts}  id: b\n  subject-token-source: file\n  subject-token-file: tokens/ci.jwt`,
        `${sts}  id: c\n  subject-token-source: env\n  subject-token-env: CIRCLE_OIDC_TOKEN`,
        `${sts}  id: d\n  subject-token-source: spiffe`,
        `${sts}  id: e\n  subject-token-source: spiffe\n  spiffe-socket: unix:///run/spire/agent.sock\n  spiffe-id: spiffe://example.org/ci/deploy`,
      ].join('\n'),
    }, workspace);
    expect(config.credentials.map((entry) => entry.subjectToken)).toEqual([
      { kind: 'file', path: '/var/run/secrets/tokens/keyless' },
      { kind: 'file', path: join(workspace, 'tokens/ci.jwt') },
      { kind: 'env', name: 'CIRCLE_OIDC_TOKEN' },
      { kind: 'spiffe' },
      { kind: 'spiffe', socket: 'unix:///run/spire/agent.sock', spiffeId: 'spiffe://example.org/ci/deploy' },
    ]);
  });

  it('reports every problem of every entry together, each with its key', () => {
    const message = problems([
      `${sts}  id: a\n  subject-token-source: k8s`,
      `${sts}  id: b\n  subject-token-source: file`,
      `${sts}  id: c\n  subject-token-source: env\n  subject-token-env: 1BAD`,
      `${sts}  id: d\n  subject-token-file: /t`,
      `${sts}  id: e\n  subject-token-source: env\n  subject-token-env: ACTIONS_ID_TOKEN_REQUEST_TOKEN`,
      `${sts}  id: f\n  subject-token-source: spiffe\n  spiffe-socket: /run/spire/agent.sock\n  spiffe-id: spiffe://Example.org/x`,
      `${sts}  id: g\n  subject-token-source: file\n  subject-token-file: /t\n  spiffe-id: spiffe://example.org/x`,
    ].join('\n'));
    expect(message).toContain('credentials[0].subject-token-source (line 4): is not one of runner, file, env, spiffe');
    expect(message).toContain('credentials[1].subject-token-file: is required (the path of a file holding one JWT');
    expect(message).toContain('credentials[2].subject-token-env (line 13): is not the name of a variable holding a JWT');
    expect(message).toContain('credentials[3].subject-token-file (line 17): is only read with subject-token-source: file (add it)');
    expect(message).toContain("credentials[4].subject-token-env (line 22): may not name ACTIONS_ID_TOKEN_REQUEST_TOKEN: it holds the runner's own credential");
    expect(message).toContain('credentials[5].spiffe-socket (line 27): is not unix:///PATH (or unix:/PATH) or tcp://IP:PORT');
    expect(message).toContain('credentials[5].spiffe-id (line 28): is not a SPIFFE ID');
    expect(message).toContain('credentials[6].spiffe-id (line 34): is only read with subject-token-source: spiffe');
  });

  it('is refused on entries that take no OIDC token', () => {
    const message = problems([
      `- provider: aws\n  id: ci\n  role: arn:aws:iam::123456789012:role/ci\n  region: us-east-1\n  export: none`,
      `- provider: registry\n  from: ci\n  subject-token-source: file\n  subject-token-file: /t`,
      `- provider: aws\n  id: deploy\n  from: ci\n  role: arn:aws:iam::123456789012:role/deploy\n  spiffe-id: spiffe://example.org/x`,
    ].join('\n'));
    expect(message).toContain('credentials[1].subject-token-source (line 8): a registry entry with from: takes no OIDC token');
    expect(message).toContain('credentials[1].subject-token-file (line 9): a registry entry with from: takes no OIDC token');
    expect(message).toContain('credentials[2].spiffe-id (line 14): an aws entry with from: takes no OIDC token');
  });
});
