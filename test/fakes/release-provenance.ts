import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { GITHUB_ISSUER } from './sigstore-fixtures.js';
import type { SigstoreInstance } from './sigstore-instance.js';
import { signKeyless, SLSA_V1 } from './sigstore-signer.js';

/** One line of the release's checksums file: a path in the repository and its sha256. */
export interface Subject {
  name: string;
  sha256: string;
}

/** Who ran the release: `owner/repo`, the workflow file under .github/workflows, the ref, the commit. */
export interface ReleaseRun {
  repository: string;
  workflow: string;
  ref: string;
  sha: string;
}

/** The SAN GitHub's Fulcio writes for a job of this run: the workflow file at the ref it ran for. */
export function workflowIdentity(run: ReleaseRun): string {
  return `https://github.com/${run.repository}/.github/workflows/${run.workflow}@${run.ref}`;
}

/**
 * Every file under `base`/`path` (a file, or a folder walked at any depth), named by its path from `base`
 * with `/`, as the release's checksums file lists them.
 */
export function fileSubjects(base: string, path: string): Subject[] {
  const full = join(base, path);
  const files = statSync(full).isDirectory()
    ? readdirSync(full, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
    : [full];
  return files.map((file) => ({ name: relative(base, file).split(sep).join('/'), sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
}

/**
 * The SLSA v1 provenance statement actions/attest-build-provenance writes for a workflow run (buildType
 * `https://actions.github.io/buildtypes/workflow/v1`), over every subject of a checksums file.
 */
function provenance(subjects: readonly Subject[], run: ReleaseRun): Buffer {
  const path = `.github/workflows/${run.workflow}`;
  return Buffer.from(JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: subjects.map((s) => ({ name: s.name, digest: { sha256: s.sha256 } })),
    predicateType: SLSA_V1,
    predicate: {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: { workflow: { ref: run.ref, repository: `https://github.com/${run.repository}`, path } },
        internalParameters: { github: { event_name: 'push', runner_environment: 'github-hosted' } },
        resolvedDependencies: [{ uri: `git+https://github.com/${run.repository}@${run.ref}`, digest: { gitCommit: run.sha } }],
      },
      runDetails: {
        builder: { id: workflowIdentity(run) },
        metadata: { invocationId: `https://github.com/${run.repository}/actions/runs/1/attempts/1` },
      },
    },
  }));
}

/**
 * The bundle a release job's attest-build-provenance step writes: DSSE over the provenance statement,
 * signed keyless with a certificate for this run's workflow identity from GitHub's issuer, logged and
 * timestamped by the instance.
 */
export function signReleaseProvenance(instance: SigstoreInstance, subjects: readonly Subject[], run: ReleaseRun): Promise<SerializedBundle> {
  const claims = {
    repository: run.repository,
    repository_owner: run.repository.split('/')[0] ?? '',
    ref: run.ref,
    sha: run.sha,
    workflow_ref: `${run.repository}/.github/workflows/${run.workflow}@${run.ref}`,
    job_workflow_ref: `${run.repository}/.github/workflows/${run.workflow}@${run.ref}`,
    event_name: 'push',
    runner_environment: 'github-hosted',
  };
  return signKeyless(instance, provenance(subjects, run), { san: workflowIdentity(run), issuer: GITHUB_ISSUER, claims }, 'dsse');
}
