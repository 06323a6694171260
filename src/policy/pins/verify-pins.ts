import { KeylessError } from '../../errors.js';
import { isObject } from '../../http/json.js';
import { githubGet, type ResolveDeps, resolveCommit } from './resolve.js';
import type { Finding, PinnedUses } from './scan.js';

const MAX_BRANCHES = 30;

/** Distinct commits checked per run: each costs up to MAX_BRANCHES + 3 API calls. */
export const MAX_VERIFIED_PINS = 200;

export interface Verification {
  findings: Finding[];
  /** Why verification stopped early (a GitHub API error, too many pins): what it found so far is kept. */
  error?: unknown;
}

/**
 * What a syntactic check cannot see: a 40-hex pin to a commit that lives only in a fork's network
 * (GitHub serves it under the parent's name), and a `# vX.Y.Z` comment whose tag points elsewhere.
 * Never throws: a failed API call ends verification and is returned as `error`.
 */
export async function verifyPins(pinned: readonly PinnedUses[], deps: ResolveDeps): Promise<Verification> {
  const findings: Finding[] = [];
  try {
    await verifyEach(pinned, deps, findings);
    return { findings };
  } catch (error) {
    return { findings, error };
  }
}

async function verifyEach(pinned: readonly PinnedUses[], deps: ResolveDeps, findings: Finding[]): Promise<void> {
  const reachable = new Map<string, Promise<boolean>>();
  for (const pin of pinned) {
    const key = `${pin.owner}/${pin.repo}@${pin.sha}`.toLowerCase();
    if (!reachable.has(key)) {
      if (reachable.size >= MAX_VERIFIED_PINS) {
        throw new KeylessError('INPUT_TOO_LARGE', `more than ${MAX_VERIFIED_PINS} distinct pinned commits; the rest were not verified`, { hint: 'verify fewer files at a time' });
      }
      reachable.set(key, isReachable(pin, deps));
    }
    if (!(await reachable.get(key))) {
      findings.push({ file: pin.file, line: pin.line, kind: 'impostor-commit', ref: pin.ref, note: `${pin.sha} is not on any branch or tag of ${pin.owner}/${pin.repo}: a commit from a fork's network` });
      continue;
    }
    const tag = pin.comment?.replace(/^(tag[=:]\s*|ratchet:[^@]+@)/, '');
    if (tag === undefined || !/^[\w.\-/+]+$/.test(tag)) continue;
    let target: string | undefined;
    try {
      target = await resolveCommit(pin.owner, pin.repo, tag, deps);
    } catch (error) {
      if (!(error instanceof KeylessError) || error.code !== 'INPUT_INVALID') throw error;
    }
    if (target !== pin.sha) {
      findings.push({ file: pin.file, line: pin.line, kind: 'ref-version-mismatch', ref: `${pin.ref} # ${pin.comment ?? ''}`, note: target ? `${tag} points to ${target}, not ${pin.sha}` : `${pin.owner}/${pin.repo} has no tag ${tag}` });
    }
  }
}

async function isReachable(pin: PinnedUses, deps: ResolveDeps): Promise<boolean> {
  const base = `repos/${pin.owner}/${pin.repo}`;
  const tips = [...(await list(`${base}/branches`, deps)), ...(await list(`${base}/tags`, deps))];
  if (tips.some((tip) => tip.sha === pin.sha)) return true;
  for (const branch of tips.filter((tip) => tip.branch).slice(0, MAX_BRANCHES)) {
    const compare = await githubGet(`${base}/compare/${encodeURIComponent(branch.name)}...${pin.sha}`, deps);
    // `behind` or `identical`: the pinned commit is an ancestor of (or is) the branch tip.
    if (isObject(compare) && (compare.status === 'behind' || compare.status === 'identical')) return true;
  }
  return false;
}

async function list(path: string, deps: ResolveDeps): Promise<{ name: string; sha: string; branch: boolean }[]> {
  const body = await githubGet(`${path}?per_page=100`, deps);
  if (!Array.isArray(body)) return [];
  return body.flatMap((item: unknown) => {
    const name = isObject(item) ? item.name : undefined;
    const commit = isObject(item) && isObject(item.commit) ? item.commit.sha : undefined;
    return typeof name === 'string' && typeof commit === 'string' ? [{ name, sha: commit.toLowerCase(), branch: path.endsWith('/branches') }] : [];
  });
}
