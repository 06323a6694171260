import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { FieldReader } from '../../../src/config/fields.js';
import { PEERS } from '../../../src/config/peer-keys.js';
import { Problems } from '../../../src/config/problems.js';
import { KeylessError } from '../../../src/errors.js';
import { providers } from '../../../src/providers/catalog.js';

// Every input and output of configure-aws-credentials' action.yml (a copy in test/fixtures, with the
// commit it came from) has a Keyless counterpart or a reason it is dropped in peer-keys.ts, where a
// migrating user's pasted key gets its hint (test/unit/migration-tables.test.ts checks the README's table).

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/peers/configure-aws-credentials.json'), 'utf8')) as { inputs: string[]; outputs: string[] };
const peer = PEERS.aws;
const ENTRY = '- provider: aws\n  role: arn:aws:iam::123456789012:role/ci\n  region: eu-west-1';

function messageOf(credentials: string): string {
  try {
    loadConfig({ credentials }, process.cwd());
  } catch (error) {
    if (error instanceof KeylessError) return error.message;
    throw error;
  }
  return '';
}

describe('configure-aws-credentials → Keyless', () => {
  it('peer-keys.ts names every input of the peer, and no other', () => {
    expect(Object.keys(peer?.keys ?? {}).sort()).toEqual([...fixture.inputs].sort());
  });

  it.each(fixture.inputs)('%s: a pasted input is read as the same key, or answered with its Keyless name or the reason it is dropped', (input) => {
    const hint = peer?.keys[input];
    const fields = new FieldReader({}, 'x', [], undefined, new Problems());
    providers.aws?.read(fields, 'x');
    if (hint === input || fields.known.includes(input)) {
      expect(fields.known).toContain(input);
      return;
    }
    const message = messageOf(`${ENTRY}\n  ${input}: x`);
    const said = typeof hint === 'string' ? `is aws-actions/configure-aws-credentials's input; Keyless calls it "${hint}"` : `(aws-actions/configure-aws-credentials's input) ${hint?.why ?? ''}`;
    expect(message).toContain(`credentials[0].${input} (line 4): ${said}`);
  });
});
