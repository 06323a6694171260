import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventory } from '../../../../src/policy/secrets/inventory.js';
import { keylessStep } from '../../../../src/policy/secrets/step.js';

const fixture = (name: string) => inventory(name, readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'secrets', name), 'utf8'));

describe('keylessStep', () => {
  it('replaces AWS keys, an ECR login and an npm token with one step, the login built on the job\'s aws entry', () => {
    expect(keylessStep(fixture('readme-example.yml'))).toBe(
      [
        '- uses: OWNER/keyless@<40-hex-commit-sha> # vX.Y.Z',
        '  with:',
        '    credentials: |',
        '      - provider: aws',
        '        id: aws',
        '        role: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE>',
        '        region: eu-west-1',
        '      - provider: registry',
        '        kind: ecr',
        '        host: 123456789012.dkr.ecr.eu-west-1.amazonaws.com',
        '        from: aws',
        '      - provider: npm',
        "        package: '<PACKAGE>'",
        '',
      ].join('\n'),
    );
  });

  it('keeps the login\'s own cloud entry when the job has none, and is null when nothing is replaceable', () => {
    expect(keylessStep(fixture('docker-ecr.yml'))).toContain('id: aws\n        role: arn:aws:iam::123456789012:role/<ROLE>\n        region: eu-west-1\n        export: none\n');
    expect(keylessStep(fixture('unknown-only.yml'))).toBeNull();
  });
});
