// Bundles each entry with ncc (unminified, with licences, so a dist diff is reviewable) into
// dist/<entry>/, plus a small dist/<entry>.js that action.yml and package.json name.
import { execFile } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { printDistDigests } from './dist-digests.mjs';

// ncc's own script, run by this node: on Windows the `ncc` on PATH is a .cmd shim, which execFile cannot start.
const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
const entries = ['main', 'post', 'cli'];
rmSync('dist', { recursive: true, force: true });
await Promise.all(
  entries.map((entry) =>
    promisify(execFile)(process.execPath, [ncc, 'build', `src/${entry}.ts`, '-o', `dist/${entry}`, '--license', 'licenses.txt', '--target', 'es2023', '--quiet']),
  ),
);
// The step entries export run() and call it only when node was started on them (the runner's
// `node dist/main.js`): a debugger such as local-action imports the file and calls run() itself.
// Both sides go through realpathSync, so symlinks and drive-letter case compare alike.
const step = (entry) => `import { realpathSync } from 'node:fs';
import { run } from './${entry}/index.js';

export { run };
const real = (path) => { try { return realpathSync(path); } catch { return undefined; } };
if (process.argv[1] !== undefined && real(process.argv[1]) === real(import.meta.filename)) void run();
`;
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js';\n");
for (const entry of ['main', 'post']) writeFileSync(`dist/${entry}.js`, step(entry));
chmodSync('dist/cli.js', 0o755);
// What a reviewer compares with a release's checksums (scripts/dist-digests.mjs).
printDistDigests();
