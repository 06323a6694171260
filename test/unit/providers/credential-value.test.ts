import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { BASE64, credentialValue, JWT, TOKEN } from '../../../src/providers/credential-value.js';

function refusal(fn: () => unknown): KeylessError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof KeylessError) return error;
  }
  return undefined;
}

describe('credentialValue', () => {
  it.each([
    ['a GitHub token', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a', TOKEN],
    ['a Vault token', 'hvs.CAESIJ1bx8x0b9', TOKEN],
    ['a Google access token', 'ya29.a0AfH6SMC-x_y', TOKEN],
    ['a JWT', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', JWT],
    ['base64', 'QVdTOnBhc3N3b3Jk', BASE64],
  ])('accepts %s', (_name, value, shape) => {
    expect(credentialValue(value, 'a token', 'the service', shape)).toBe(value);
  });

  it.each([
    ['a line feed', 'tok\nx', TOKEN],
    ['a carriage return', 'tok\rx', TOKEN],
    ['a NUL', 'tok\u0000', TOKEN],
    ['a tab', 'tok\tx', TOKEN],
    ['a space', 'tok x', TOKEN],
    ['a non-ASCII character', 'tok\u2028x', TOKEN],
    ['16385 characters', 'a'.repeat(16_385), TOKEN],
    ['a JWT with a fourth part', 'a.b.c.d', JWT],
    ['a JWT with a line break', 'a.b.c\nx', JWT],
    ['base64 with a dash', 'QVdT-pass', BASE64],
  ])('refuses a value with %s as HTTP_BAD_RESPONSE naming the service and field, not the value', (_name, value, shape) => {
    const error = refusal(() => credentialValue(value, 'SessionToken', 'AWS STS https://sts.example', shape));
    expect(error?.code).toBe('HTTP_BAD_RESPONSE');
    expect(error?.message).toContain('AWS STS https://sts.example answered SessionToken in a form that is not');
    expect(error?.message).not.toContain(value);
  });

  it.each([[undefined], [null], [''], [42], [{ token: 'x' }]])('reports %j as missing or malformed', (value) => {
    expect(refusal(() => credentialValue(value, 'a token', 'crates.io'))?.code).toBe('HTTP_BAD_RESPONSE');
  });
});
