import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { npmrcAccepts, npmrcAuthToken } from '../../../../src/sinks/formats/npmrc.js';

const registry = new URL('https://registry.npmjs.org/');

function refusal(fn: () => unknown): KeylessError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof KeylessError) return error;
  }
  return undefined;
}

describe('.npmrc writer', () => {
  it('writes the auth line npm reads for the registry, path included', () => {
    expect(npmrcAuthToken(registry, 'npm_AbCdEf0123456789AbCdEf0123456789AbCd')).toBe('//registry.npmjs.org/:_authToken=npm_AbCdEf0123456789AbCdEf0123456789AbCd\n');
    expect(npmrcAuthToken(new URL('https://npm.pkg.example:8443/api/npm/'), 'a1b2c3d4-e5f6-7890-abcd-ef0123456789')).toBe(
      '//npm.pkg.example:8443/api/npm/:_authToken=a1b2c3d4-e5f6-7890-abcd-ef0123456789\n',
    );
  });

  it.each([
    ['a line that adds a setting', 'npm_x\nscript-shell=/tmp/evil.sh'],
    ['a carriage return', 'npm_x\rscript-shell=x'],
    ['a NUL', 'npm_x\u0000'],
    ['quotes npm would JSON-parse', '"npm_x"'],
    ['a comment sign', 'npm_x;y'],
    ['a hash', 'npm_x#y'],
    ['an environment reference npm would expand', 'npm_${GITHUB_TOKEN}'],
    ['a bracket', 'npm_[x]'],
    ['a space', 'npm_x y'],
    ['nothing', ''],
    ['4097 characters', 'a'.repeat(4097)],
  ])('refuses a token with %s, naming the field and never the value', (_name, token) => {
    const error = refusal(() => npmrcAuthToken(registry, token));
    expect(error?.code).toBe('HTTP_BAD_RESPONSE');
    expect(error?.message).toContain('the token cannot be written into .npmrc');
    if (token.length > 0) expect(error?.message).not.toContain(token);
  });

  it.each([
    ['https://registry.example/a=b/'],
    ['https://registry.example/a;b/'],
    ["https://registry.example/a'b/"],
    ['https://registry.example/[x]/'],
  ])('refuses a registry path npm would read differently: %s', (url) => {
    expect(npmrcAccepts(new URL(url))).toBe(false);
    expect(refusal(() => npmrcAuthToken(new URL(url), 'npm_x'))?.message).toContain('the registry URL cannot be written into .npmrc');
  });
});
