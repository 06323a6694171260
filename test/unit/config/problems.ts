import { expect } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { KeylessError } from '../../../src/errors.js';

/** The message of the configuration error `credentials` makes (INPUT_INVALID); fails the test when it loads. */
export function configProblems(credentials: string, workspace = process.cwd()): string {
  try {
    loadConfig({ credentials }, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    expect((error as KeylessError).code).toBe('INPUT_INVALID');
    return (error as KeylessError).message;
  }
  throw new Error('expected a configuration error');
}
