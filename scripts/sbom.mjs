// A CycloneDX SBOM of what Keyless ships: the runtime dependencies as package-lock.json pins them (name,
// version, purl, sha512, licence), written to stdout. `npm sbom --omit dev --package-lock-only` would be
// the one command, but npm then also drops a production package that a dev dependency uses too
// (npm/cli#7909: here @sigstore/verify, yaml and @actions/http-client among others). So npm sbom runs on a
// copy without the packages npm itself marked `dev` in the lockfile, and the result must name every
// runtime dependency package.json declares.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
delete manifest.devDependencies;
delete lock.packages[''].devDependencies;
for (const [path, entry] of Object.entries(lock.packages)) if (entry.dev === true) delete lock.packages[path];

// npm names the SBOM's root component after its folder.
const stage = join(mkdtempSync(join(tmpdir(), 'keyless-sbom-')), manifest.name);
try {
  mkdirSync(stage);
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(stage, 'package-lock.json'), JSON.stringify(lock, null, 2));
  const sbom = execFileSync('npm', ['sbom', '--package-lock-only', '--sbom-format', 'cyclonedx', '--sbom-type', 'application'], {
    cwd: stage,
    encoding: 'utf8',
    // npm is a .cmd shim on Windows, which only a shell starts.
    shell: process.platform === 'win32',
  });
  const names = new Set(JSON.parse(sbom).components.map((component) => component.name));
  const missing = Object.keys(manifest.dependencies ?? {}).filter((name) => !names.has(name));
  if (missing.length > 0) throw new Error(`the SBOM leaves out runtime dependencies: ${missing.join(', ')}`);
  process.stdout.write(sbom);
} finally {
  rmSync(join(stage, '..'), { recursive: true, force: true });
}
