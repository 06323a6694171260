import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { FieldReader } from '../../../src/config/fields.js';
import { PEERS } from '../../../src/config/peer-keys.js';
import { Problems } from '../../../src/config/problems.js';
import { KeylessError } from '../../../src/errors.js';
import { providers } from '../../../src/providers/catalog.js';

function problemsOf(credentials: string): string {
  try {
    loadConfig({ credentials }, process.cwd());
  } catch (error) {
    if (error instanceof KeylessError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('peer action input names', () => {
  it.each(Object.entries(PEERS))('%s: every Keyless key a hint names is one the provider reads', (name, peer) => {
    const provider = providers[name];
    if (provider === undefined) throw new Error(`no provider ${name}`);
    const fields = new FieldReader({}, 'x', [], undefined, new Problems());
    provider.read(fields, 'x');
    const known = [...fields.known, 'oidc-audience', 'export', 'id', 'provider'];
    for (const hint of Object.values(peer.keys)) if (typeof hint === 'string') expect(known).toContain(hint);
  });

  it("turns configure-aws-credentials' names into Keyless's, and lists the known keys once", () => {
    const message = problemsOf('- provider: aws\n  role-to-assume: arn:aws:iam::111122223333:role/ci\n  aws-region: eu-west-1\n  role-duration-seconds: 900\n  colour: blue\n  flavour: red');
    expect(message).toContain(`credentials[0].role-to-assume (line 2): is aws-actions/configure-aws-credentials's input; Keyless calls it "role"`);
    expect(message).toContain('credentials[0].aws-region (line 3): is aws-actions/configure-aws-credentials\'s input; Keyless calls it "region"');
    expect(message).toContain('Keyless calls it "duration"');
    expect(message.match(/known keys:/g)).toHaveLength(1);
    expect(message).toContain('credentials[0].flavour (line 6): unknown key');
  });

  it('quotes a peer name the key-name rule would hide, and explains what has no counterpart', () => {
    const message = problemsOf('- provider: gcp\n  workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/q\n  credentials_json: x');
    expect(message).toContain('credentials[0].workload_identity_provider (line 2): is google-github-actions/auth\'s input; Keyless calls it "workload-identity-provider"');
    expect(message).toContain('credentials[0].credentials_json (line 3): (google-github-actions/auth\'s input) is a stored secret');
  });

  it('gives no peer hint for another provider, or for a name inherited from Object', () => {
    expect(problemsOf('- provider: rfc8693\n  token-endpoint: https://sts.example.com/token\n  role-to-assume: x')).toContain('credentials[0].role-to-assume (line 3): unknown key');
    expect(problemsOf('- provider: aws\n  role: arn:aws:iam::111122223333:role/ci\n  region: eu-west-1\n  constructor: x')).toContain('credentials[0].constructor (line 4): unknown key');
  });
});
