import { KeylessError } from '../errors.js';
import { serverText } from '../http/json.js';

/** Repositories a file of `owner/name` lines may name, and an organisation's listing may hold. */
export const MAX_LISTED = 100_000;

/** `owner/name` per line (blank lines and `#` comments skipped), as `--github-repos FILE` takes them. */
export function parseRepositoryList(text: string, source: string): string[] {
  const names = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  const bad = names.find((name) => !/^[\w.-]+\/[\w.-]+$/.test(name));
  if (bad !== undefined) throw new KeylessError('USAGE', `${source}: "${serverText(bad, 100) ?? ''}" is not owner/name`, { hint: 'one repository per line, e.g. acme/widget' });
  if (names.length > MAX_LISTED) throw new KeylessError('USAGE', `${source} names more than ${MAX_LISTED} repositories`);
  if (names.length === 0) throw new KeylessError('USAGE', `${source} names no repository`);
  return [...new Set(names)];
}
