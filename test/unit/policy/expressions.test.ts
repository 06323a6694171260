import { describe, expect, it } from 'vitest';
import { expressionLeaves, wholeExpression } from '../../../src/policy/pins/expressions.js';

describe('expressionLeaves', () => {
  it.each([
    ["inputs.use-redis == 'true' && 'redis:7' || ''", [{ kind: 'literal', value: 'redis:7' }, { kind: 'literal', value: '' }]],
    ['inputs.image || vars.DEFAULT_IMAGE', [{ kind: 'context', path: 'inputs.image' }, { kind: 'context', path: 'vars.DEFAULT_IMAGE' }]],
    ['matrix.image', [{ kind: 'context', path: 'matrix.image' }]],
    ["'it''s'", [{ kind: 'literal', value: "it's" }]],
    ["(github.event_name == 'push') && 'a:1' || format('{0}:2', 'b')", [{ kind: 'literal', value: 'a:1' }, { kind: 'context', path: 'format(…)' }]],
    ["!contains(x, 'y')", []],
  ])('%s', (expression, leaves) => {
    expect(expressionLeaves(expression)).toEqual(leaves);
  });

  it('gives up on what it cannot read, instead of guessing', () => {
    expect(expressionLeaves("'unterminated")).toBeUndefined();
    expect(expressionLeaves('a ==')).toBeUndefined();
  });

  it('recognises a value that is one whole expression only', () => {
    expect(wholeExpression('${{ matrix.image }}')).toBe(' matrix.image ');
    expect(wholeExpression('ghcr.io/x:${{ matrix.tag }}')).toBeUndefined();
  });
});
