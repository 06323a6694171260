import { describe, expect, it } from 'vitest';
import { command, fileRecord } from '../../../src/runner/commands.js';
import { SecretSet } from '../../../src/runner/mask.js';

describe('workflow commands', () => {
  it('escapes data so a value cannot start a new command', () => {
    expect(command('error', 'a\n::add-mask::x%')).toBe('::error::a%0A::add-mask::x%25\n');
    expect(command('warning', 'm', { title: 'a:b,c', line: 3 })).toBe('::warning title=a%3Ab%2Cc,line=3::m\n');
  });

  // Records read back as the runner reads them, on Linux and Windows alike: env-file.test.ts.

  it('refuses a value that contains the delimiter', () => {
    expect(() => fileRecord('NAME', 'x\nghadelimiter_d\nEVIL=1', 'ghadelimiter_d')).toThrow(/delimiter/);
  });
});

describe('SecretSet', () => {
  it('masks each line and the escaped forms of a secret', () => {
    const forms = SecretSet.forms('line-one\nline/two "q"');
    expect(forms).toEqual(expect.arrayContaining(['line-one', 'line/two "q"', encodeURIComponent('line-one\nline/two "q"'), 'line-one\\nline/two \\"q\\"']));
  });

  it('redacts every registered form, longest first', () => {
    const secrets = new SecretSet();
    secrets.add('abcdefgh');
    secrets.add('abcdefgh-ijkl');
    expect(secrets.redact('x abcdefgh-ijkl y abcdefgh z')).toBe('x *** y *** z');
  });

  it('announces a form once', () => {
    const secrets = new SecretSet();
    expect(secrets.add('token-0001')).toContain('token-0001');
    expect(secrets.add('token-0001')).toEqual([]);
  });

  it('calls a secret unmaskable when it or one of its lines is shorter than 8 characters', () => {
    expect(SecretSet.unmaskable('')).toBe(true);
    expect(SecretSet.unmaskable('1234567')).toBe(true);
    expect(SecretSet.unmaskable('12345678')).toBe(false);
    expect(SecretSet.unmaskable('long-first-line\nab\nlong-third-line')).toBe(true);
    expect(SecretSet.unmaskable('long-first-line\r\n\r\nlong-third-line')).toBe(false);
  });
});
