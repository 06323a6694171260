import { KeylessError } from '../../errors.js';
import { isCommitPinned, type RepoUses } from './refs.js';

export type PinPolicy = 'any' | 'ref-pin' | 'hash-pin';

interface Rule {
  pattern: string;
  policy: PinPolicy;
  /** Higher wins: an exact path or repo over `owner/repo/*` over `owner/*` over `*`. */
  specificity: number;
  matches(uses: RepoUses): boolean;
}

/** Allowed unpinned references; empty means strict: every reference must be a full commit SHA. */
export type AllowList = readonly Rule[];

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * One allowlist entry, `PATTERN` or `PATTERN=POLICY` (default `ref-pin`): `*`, `owner/*`, `owner/repo`
 * (the repository's root action), `owner/repo/*` (anything in it) or `owner/repo/sub/path`.
 */
export function parseRule(entry: string): Rule {
  const [pattern = '', policy = 'ref-pin'] = entry.split('=').map((part) => part.trim());
  if (policy !== 'any' && policy !== 'ref-pin' && policy !== 'hash-pin') {
    throw new KeylessError('INPUT_INVALID', `unknown pin policy "${policy}" in ${entry}`, { hint: 'use any, ref-pin or hash-pin' });
  }
  if (pattern.includes('@')) {
    throw new KeylessError('INPUT_INVALID', `cannot use exact ref patterns here: \`${pattern}\``, { hint: 'allow owner/repo (or owner/*), not a ref' });
  }
  const invalid = () => new KeylessError('INPUT_INVALID', `invalid pattern: ${pattern}`, { hint: 'use *, owner/*, owner/repo, owner/repo/* or owner/repo/sub/path' });
  if (pattern === '*') return { pattern, policy, specificity: 0, matches: () => true };
  const [owner, repo, ...rest] = pattern.split('/');
  if (!owner || !NAME.test(owner) || repo === undefined) throw invalid();
  if (repo === '*' && rest.length === 0) return { pattern, policy, specificity: 1, matches: (u) => same(u.owner, owner) };
  if (!NAME.test(repo)) throw invalid();
  if (rest.length === 1 && rest[0] === '*') return { pattern, policy, specificity: 2, matches: (u) => same(u.owner, owner) && same(u.repo, repo) };
  if (rest.some((part) => !NAME.test(part))) throw invalid();
  const subpath = rest.join('/');
  return { pattern, policy, specificity: 3, matches: (u) => same(u.owner, owner) && same(u.repo, repo) && u.subpath === subpath };
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function parseAllowList(entries: readonly string[]): AllowList {
  return entries.map(parseRule);
}

/** Whether the reference meets its policy: the most specific matching rule's, else hash-pin. */
export function judgeUses(uses: RepoUses, allow: AllowList): boolean {
  if (isCommitPinned(uses)) return true;
  const rule = allow.filter((r) => r.matches(uses)).sort((a, b) => b.specificity - a.specificity)[0];
  const policy = rule?.policy ?? 'hash-pin';
  return policy === 'any' || (policy === 'ref-pin' && uses.ref !== undefined && uses.ref !== '');
}
