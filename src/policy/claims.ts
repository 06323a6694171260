import type { JWTPayload } from 'jose';
import { describe } from '../config/fields.js';
import type { Problems } from '../config/problems.js';
import type { LoadedYaml } from '../config/yaml.js';
import { KeylessError } from '../errors.js';

export interface ClaimRule {
  claim: string;
  allowed: string[];
  matchers: RegExp[];
}

/**
 * `require-claims`: claim → allowed value or list of values. `*` in a value matches any run of
 * characters; everything else is literal and the whole value must match (compiled to `^(…)$`).
 */
export function readClaimRules(yaml: LoadedYaml, at: string, problems: Problems): ClaimRule[] {
  const { value } = yaml;
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.add(at, `must be a mapping of claim: allowed value(s), not ${describe(value)}`);
    return [];
  }
  const rules: ClaimRule[] = [];
  for (const [claim, raw] of Object.entries(value)) {
    const list = Array.isArray(raw) ? raw : [raw];
    const allowed = list.filter((item): item is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
    if (allowed.length === 0 || allowed.length !== list.length) {
      problems.add(`${at}.${claim}`, 'must be a value or a list of values (strings, numbers or booleans)', yaml.lineOf([claim]));
      continue;
    }
    rules.push({ claim, allowed, matchers: allowed.map(globToRegExp) });
  }
  return rules;
}

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^(?:${body})$`, 's');
}

/**
 * Throws CLAIMS_REFUSED naming every claim that does not match, with its actual and allowed values.
 * `source`: where a token that is not the runner's came from (`file /var/run/…`), to name it.
 */
export function checkClaims(rules: readonly ClaimRule[], claims: JWTPayload, source?: string): void {
  const refused: string[] = [];
  for (const rule of rules) {
    const actual = claims[rule.claim];
    const text = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : undefined;
    if (text !== undefined && rule.matchers.some((matcher) => matcher.test(text))) continue;
    const shown = text === undefined ? (actual === undefined ? 'absent' : 'not a scalar') : JSON.stringify(text);
    refused.push(`${rule.claim} is ${shown}, allowed: ${rule.allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (refused.length > 0) {
    const token = source === undefined ? "the job's OIDC token" : `the subject token from ${source}`;
    throw new KeylessError('CLAIMS_REFUSED', `${token} does not meet require-claims: ${refused.join('; ')}`, {
      hint: source === undefined
        ? 'no credential was requested; run from an allowed ref/workflow/environment or widen require-claims'
        : 'no credential was requested; the claims shown are that token\'s: check its issuer and subject, or widen require-claims',
    });
  }
}
