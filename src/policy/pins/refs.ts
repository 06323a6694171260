/** A `uses:` reference to an action or reusable workflow in another repository. */
export interface RepoUses {
  owner: string;
  repo: string;
  /** Path inside the repository, without surrounding slashes; '' for the root action. */
  subpath: string;
  ref: string | undefined;
}

export type UsesRef = { kind: 'local' } | { kind: 'docker'; image: string } | ({ kind: 'repo' } & RepoUses) | { kind: 'invalid' };

const COMMIT = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;

/** Classifies a `uses:` value: local (`./x`, `$/x`) refs are exempt, `docker://` refs are images. */
export function parseUses(raw: string): UsesRef {
  const value = raw.trim();
  if (value.startsWith('./') || value.startsWith('$/')) return { kind: 'local' };
  if (value.startsWith('docker://')) return { kind: 'docker', image: value.slice('docker://'.length) };
  const at = value.lastIndexOf('@');
  const path = at === -1 ? value : value.slice(0, at);
  const ref = at === -1 ? undefined : value.slice(at + 1);
  const [owner, repo, ...rest] = path.split('/');
  if (!owner || !repo) return { kind: 'invalid' };
  return { kind: 'repo', owner, repo, subpath: rest.filter((part) => part !== '').join('/'), ref };
}

/** Pinned means a full 40-hex commit: a tag or branch is whatever its owner points it at next. */
export function isCommitPinned(uses: RepoUses): boolean {
  return uses.ref !== undefined && COMMIT.test(uses.ref);
}

/** Pinned means `@sha256:` and 64 hex digits; `image@8.0` or a placeholder is not a digest. */
export function isImagePinned(image: string): boolean {
  return IMAGE_DIGEST.test(image.trim());
}
