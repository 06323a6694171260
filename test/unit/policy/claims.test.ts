import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/config/problems.js';
import { loadYaml } from '../../../src/config/yaml.js';
import { KeylessError } from '../../../src/errors.js';
import { checkClaims, globToRegExp, readClaimRules } from '../../../src/policy/claims.js';

const rules = (text: string) => {
  const problems = new Problems();
  const result = readClaimRules(loadYaml(text, 'require-claims'), 'require-claims', problems);
  problems.throwIfAny();
  return result;
};

const refused = (text: string, claims: Record<string, unknown>) => {
  try {
    checkClaims(rules(text), claims);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return (error as KeylessError).message;
  }
};

describe('require-claims', () => {
  it('accepts an exact value, one of a list, and a glob', () => {
    expect(refused('ref: refs/heads/main', { ref: 'refs/heads/main' })).toBeUndefined();
    expect(refused('ref: [refs/heads/main, refs/tags/v*]', { ref: 'refs/tags/v1.2.3' })).toBeUndefined();
    expect(refused('run_attempt: 1', { run_attempt: '1' })).toBeUndefined();
  });

  it('rejects a value that only matches as a prefix or suffix', () => {
    expect(refused('repository: acme/widget', { repository: 'acme/widget-evil' })).toMatch(/repository is "acme\/widget-evil"/);
    expect(refused('repository: acme/widget', { repository: 'evil/acme/widget' })).toBeDefined();
  });

  it('treats regular-expression characters literally', () => {
    expect(refused('environment: prod.eu', { environment: 'prodXeu' })).toBeDefined();
    expect(globToRegExp('a(b)+').test('a(b)+')).toBe(true);
  });

  it('does not let * cross into a different claim shape unanchored', () => {
    expect(globToRegExp('refs/tags/v*').test('xrefs/tags/v1')).toBe(false);
  });

  it('names every failing claim with its actual and allowed values', () => {
    const message = refused('ref: refs/heads/main\nenvironment: prod', { ref: 'refs/heads/dev' });
    expect(message).toContain('ref is "refs/heads/dev", allowed: "refs/heads/main"');
    expect(message).toContain('environment is absent, allowed: "prod"');
  });

  it('rejects a rule that is not a scalar or list of scalars', () => {
    expect(() => rules('ref: {a: 1}')).toThrow(/require-claims\.ref \(line 1\): must be a value or a list/);
  });
});
