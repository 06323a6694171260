import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/policy/pins/policy.js';
import { isCommitPinned, parseUses, type RepoUses } from '../../../src/policy/pins/refs.js';
import { scanWithPins } from '../../../src/policy/pins/scan.js';

// A commit pin is exactly 40 hex digits: a SHA-1 commit id, the only kind GitHub repositories have. Anything
// longer or shorter is a branch or tag that happens to be named in hex, and its owner can move it: 39 and 41
// digits, and 64 (the length of a SHA-256 commit id, which GitHub neither hosts nor resolves in `uses:`).
// Upper-case hex is taken as the same commit, as the scanner intends (refs.ts matches case-insensitively and
// the pin is recorded in lower case for verification).

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const hex = (length: number) => SHA.repeat(2).slice(0, length);

function uses(ref: string): RepoUses {
  const parsed = parseUses(`actions/checkout@${ref}`);
  if (parsed.kind !== 'repo') throw new Error('not a repository reference');
  return parsed;
}

const workflow = (ref: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@${ref}\n`;

describe('a commit pin', () => {
  it('is 40 hex digits', () => {
    expect(hex(40)).toHaveLength(40);
    expect(isCommitPinned(uses(hex(40)))).toBe(true);
  });

  it.each([39, 41, 42, 64, 80])('is not %i hex digits (a branch or tag named in hex)', (length) => {
    expect(isCommitPinned(uses(hex(length)))).toBe(false);
  });

  it('is not 40 characters that are not all hex', () => {
    expect(isCommitPinned(uses(`${hex(39)}g`))).toBe(false);
    expect(isCommitPinned(uses(` ${hex(39)}`))).toBe(false);
  });

  it('may be written in upper case, and is recorded in lower case', () => {
    expect(isCommitPinned(uses(SHA.toUpperCase()))).toBe(true);
    const { findings, pinned } = scanWithPins('w.yml', workflow(SHA.toUpperCase()), parseAllowList([]));
    expect(findings).toEqual([]);
    expect(pinned.map((pin) => pin.sha)).toEqual([SHA]);
  });

  it.each([39, 41, 64])('the scanner reports %i hex digits as unpinned, and hands no pin to verification', (length) => {
    const { findings, pinned } = scanWithPins('w.yml', workflow(hex(length)), parseAllowList([]));
    expect(findings.map((f) => [f.kind, f.ref])).toEqual([['unpinned-uses', `actions/checkout@${hex(length)}`]]);
    expect(pinned).toEqual([]);
  });

  it('is required by a hash-pin rule even where a broader rule accepts any ref', () => {
    const allow = parseAllowList(['actions/*=ref-pin', 'actions/checkout=hash-pin']);
    expect(scanWithPins('w.yml', workflow(hex(41)), allow).findings).toHaveLength(1);
    expect(scanWithPins('w.yml', workflow(hex(40)), allow).findings).toEqual([]);
  });
});
