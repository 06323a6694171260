import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/config/duration.js';

describe('parseDuration', () => {
  it.each([
    ['900', 900],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2h0m5s', 7205],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['abc', '', '15 m', '1.5h', '-5', '1m1m', 'm', '10d'])('rejects %j instead of defaulting', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('round-trips every formatted duration', () => {
    fc.assert(fc.property(fc.nat(200_000), (seconds) => parseDuration(formatDuration(seconds)) === seconds));
  });
});
