import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFilePath } from '../../../src/audit/record.js';

// GITHUB_RUN_ID is text in the environment like any other variable: only the number the runner sets names
// the audit file, so the file stays directly under RUNNER_TEMP.
describe('auditFilePath', () => {
  it.each([
    ['9876543210', 'keyless-audit-9876543210-'],
    ['../../home/runner/.bashrc', 'keyless-audit-local-'],
    ['12/../..', 'keyless-audit-local-'],
    [undefined, 'keyless-audit-local-'],
  ])('GITHUB_RUN_ID %j: a file named %s… in RUNNER_TEMP', (run, prefix) => {
    const path = auditFilePath({ RUNNER_TEMP: '/runner/temp', ...(run === undefined ? {} : { GITHUB_RUN_ID: run }) }, 'keyless-audit');
    expect(path.startsWith(join('/runner/temp', prefix))).toBe(true);
    expect(path).toMatch(/-[0-9a-f]{12}\.json$/);
  });
});
