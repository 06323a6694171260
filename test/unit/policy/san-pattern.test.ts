import { describe, expect, it } from 'vitest';
import { sanPattern } from '../../../src/policy/sigstore/verify.js';

describe('sanPattern', () => {
  it('matches an exact identity only, never a longer SAN that contains it', () => {
    const pattern = sanPattern({ identity: 'user@example.com' });
    expect(pattern?.test('user@example.com')).toBe(true);
    // @sigstore/verify's own tests accept this for a raw string policy.
    expect(pattern?.test('evil-user@example.com')).toBe(false);
    expect(pattern?.test('user@example.com.evil')).toBe(false);
    expect(pattern?.test('userXexample.com')).toBe(false);
  });

  it('anchors a regexp policy as a whole, alternations included', () => {
    const pattern = sanPattern({ identityRegexp: 'a@example\\.com|b@example\\.com' });
    expect(pattern?.test('b@example.com')).toBe(true);
    expect(pattern?.test('xb@example.com')).toBe(false);
    expect(pattern?.test('a@example.com.evil')).toBe(false);
  });
});
