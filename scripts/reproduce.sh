#!/usr/bin/env bash
# Rebuilds dist/ from a commit (default HEAD) in a fresh folder, with that folder's own `npm ci`, and fails
# unless the build is byte for byte the dist/ committed at that commit. CI runs it on every change; the
# release workflow runs it on the tag before it attests anything, so what users run is what the sources
# build to, whoever builds them.
#
#   scripts/reproduce.sh [COMMIT]
#
# The commit is exported with `git archive`, not cloned: that works in a shallow or detached checkout
# (actions/checkout's), carries no .git, and holds exactly the committed bytes, uncommitted edits excluded.
set -euo pipefail
repo="$(git rev-parse --show-toplevel)"
commit="$(git -C "$repo" rev-parse --verify "${1:-HEAD}^{commit}")"
work="$(mktemp -d "${TMPDIR:-/tmp}/keyless-reproduce-XXXXXX")"
trap 'rm -rf "$work"' EXIT

git -C "$repo" archive --format=tar "$commit" | tar -x -C "$work"
mkdir "$work/committed"
if [ -d "$work/dist" ]; then mv "$work/dist" "$work/committed/dist"; fi

cd "$work"
# No package's install script runs: scripts/check-lockfile.mjs holds that none needs one except the `node`
# dev dependency, whose only job is to put node 24 on the npm scripts' PATH. The build runs on the `node`
# first on PATH instead: the release job's is setup-node's 24, .ci/run puts its pinned node 24 first.
# (--prefer-offline: tarballs come from npm's cache when there, checked against the lockfile's sha512 alike.)
npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
node scripts/build.mjs >/dev/null

if ! diff -r --brief committed/dist dist; then
  echo "dist/ built from $commit in a fresh folder differs from the dist/ committed there (above)." >&2
  exit 1
fi
echo "dist/ of $commit rebuilt in a fresh folder with its own npm ci, on node $(node --version): byte for byte the committed one ($(find dist -type f | wc -l | tr -d ' ') files)."
