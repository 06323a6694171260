import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { judgeUses, parseAllowList, parseRule } from '../../../src/policy/pins/policy.js';
import { isImagePinned, parseUses, type RepoUses } from '../../../src/policy/pins/refs.js';

// `uses:` references and the allowlist of unpinned ones, rule by rule.

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

function repo(raw: string): RepoUses {
  const parsed = parseUses(raw);
  if (parsed.kind !== 'repo') throw new Error(`${raw} is not a repository reference`);
  return parsed;
}

function refused(entry: string): KeylessError {
  try {
    parseRule(entry);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return error as KeylessError;
  }
  throw new Error(`${entry} was accepted`);
}

describe('parseUses', () => {
  it.each([['./local/action'], ['  ./x  '], ['$/x']])('takes %j as local', (raw) => {
    expect(parseUses(raw)).toEqual({ kind: 'local' });
  });

  it('takes docker:// as an image, without the scheme', () => {
    expect(parseUses(' docker://alpine:3.20 ')).toEqual({ kind: 'docker', image: 'alpine:3.20' });
  });

  it('splits owner, repo, sub-path and ref, at the last @', () => {
    expect(parseUses(' acme/tools/lint/go//@v1 ')).toEqual({ kind: 'repo', owner: 'acme', repo: 'tools', subpath: 'lint/go', ref: 'v1' });
    expect(parseUses('acme/tool@feature@x')).toEqual({ kind: 'repo', owner: 'acme', repo: 'tool@feature', subpath: '', ref: 'x' });
    expect(parseUses('acme/tool')).toEqual({ kind: 'repo', owner: 'acme', repo: 'tool', subpath: '', ref: undefined });
    expect(parseUses('acme/tool@')).toEqual({ kind: 'repo', owner: 'acme', repo: 'tool', subpath: '', ref: '' });
  });

  it.each([['acme'], ['/tool@v1'], ['acme/@v1'], ['@v1']])('takes %j as invalid', (raw) => {
    expect(parseUses(raw)).toEqual({ kind: 'invalid' });
  });
});

describe('isImagePinned', () => {
  const digest = 'a'.repeat(64);
  it('is a sha256 digest of 64 hex digits at the end', () => {
    expect(isImagePinned(`alpine@sha256:${digest}`)).toBe(true);
    expect(isImagePinned(` ghcr.io/acme/tool:1@sha256:${digest.toUpperCase()} `)).toBe(true);
  });

  it.each([
    ['a tag', 'alpine:3.20'],
    ['a short digest', `alpine@sha256:${digest.slice(1)}`],
    ['a digest with more after it', `alpine@sha256:${digest}0`],
    ['a digest that is not the end', `alpine@sha256:${digest}:latest`],
    ['another algorithm', `alpine@sha512:${digest}`],
  ])('is not %s', (_name, image) => {
    expect(isImagePinned(image)).toBe(false);
  });
});

describe('parseRule', () => {
  it('defaults to ref-pin and trims both halves', () => {
    expect(parseRule(' acme/tool ')).toMatchObject({ pattern: 'acme/tool', policy: 'ref-pin', specificity: 3 });
    expect(parseRule('acme/* = any')).toMatchObject({ pattern: 'acme/*', policy: 'any', specificity: 1 });
    expect(parseRule('*=hash-pin')).toMatchObject({ pattern: '*', policy: 'hash-pin', specificity: 0 });
    expect(parseRule('acme/tool/*=ref-pin')).toMatchObject({ policy: 'ref-pin', specificity: 2 });
    expect(parseRule('acme/tool/sub/path')).toMatchObject({ specificity: 3 });
  });

  it('refuses an unknown policy, saying which ones exist', () => {
    const error = refused('acme/tool=pinned');
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe('unknown pin policy "pinned" in acme/tool=pinned');
    expect(error.hint).toBe('use any, ref-pin or hash-pin');
  });

  it('refuses a pattern with a ref', () => {
    const error = refused('acme/tool@v1');
    expect(error.message).toBe('cannot use exact ref patterns here: `acme/tool@v1`');
    expect(error.hint).toBe('allow owner/repo (or owner/*), not a ref');
  });

  it.each([['acme'], ['/tool'], ['ac me/tool'], ['acme/to ol'], ['acme/tool/a b'], ['acme/*/x'], ['acme/tool/*/x'], ['*/tool'], ['acme/tool/'], ['']])('refuses the pattern %j', (pattern) => {
    const error = refused(pattern);
    expect(error.message).toBe(`invalid pattern: ${pattern}`);
    expect(error.hint).toBe('use *, owner/*, owner/repo, owner/repo/* or owner/repo/sub/path');
  });

  it('matches owners and repositories whatever their case, and a sub-path exactly', () => {
    const root = parseRule('Acme/Tool');
    expect(root.matches(repo('acme/tool@v1'))).toBe(true);
    expect(root.matches(repo('acme/tool/sub@v1'))).toBe(false);
    expect(root.matches(repo('acme/tools@v1'))).toBe(false);
    expect(root.matches(repo('other/tool@v1'))).toBe(false);
    const sub = parseRule('acme/tool/lint/go');
    expect(sub.matches(repo('ACME/TOOL/lint/go@v1'))).toBe(true);
    expect(sub.matches(repo('acme/tool/lint/Go@v1'))).toBe(false);
    expect(sub.matches(repo('acme/other/lint/go@v1'))).toBe(false);
    expect(sub.matches(repo('other/tool/lint/go@v1'))).toBe(false);
    const anyPath = parseRule('acme/Tool/*');
    expect(anyPath.matches(repo('acme/tool/x/y@v1'))).toBe(true);
    expect(anyPath.matches(repo('acme/other@v1'))).toBe(false);
    expect(anyPath.matches(repo('other/tool@v1'))).toBe(false);
    const owner = parseRule('ACME/*');
    expect(owner.matches(repo('acme/anything/x@v1'))).toBe(true);
    expect(owner.matches(repo('acme-evil/anything@v1'))).toBe(false);
    expect(parseRule('*').matches(repo('x/y@z'))).toBe(true);
  });
});

describe('judgeUses', () => {
  it('passes a commit pin whatever the list says', () => {
    expect(judgeUses(repo(`acme/tool@${SHA}`), parseAllowList([]))).toBe(true);
  });

  it('with no rule, asks for a commit pin', () => {
    expect(judgeUses(repo('acme/tool@v1'), parseAllowList([]))).toBe(false);
    expect(judgeUses(repo('acme/tool@v1'), parseAllowList(['other/*=any']))).toBe(false);
  });

  it('takes the most specific matching rule, in whatever order the list gives them', () => {
    const entries = ['*=any', 'acme/*=hash-pin', 'acme/tool/*=any', 'acme/tool=hash-pin'];
    for (const list of [entries, [...entries].reverse()]) {
      const allow = parseAllowList(list);
      expect(judgeUses(repo('acme/tool@v1'), allow)).toBe(false);
      expect(judgeUses(repo('acme/tool/sub@v1'), allow)).toBe(true);
      expect(judgeUses(repo('acme/other@v1'), allow)).toBe(false);
      expect(judgeUses(repo('else/where@v1'), allow)).toBe(true);
    }
  });

  it('under ref-pin, needs a ref; under any, not even that', () => {
    expect(judgeUses(repo('acme/tool@v1'), parseAllowList(['acme/tool']))).toBe(true);
    expect(judgeUses(repo('acme/tool'), parseAllowList(['acme/tool']))).toBe(false);
    expect(judgeUses(repo('acme/tool@'), parseAllowList(['acme/tool']))).toBe(false);
    expect(judgeUses(repo('acme/tool'), parseAllowList(['acme/tool=any']))).toBe(true);
  });
});
