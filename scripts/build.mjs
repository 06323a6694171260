// Bundles each entry with ncc (unminified, with licences, so a dist diff is reviewable) into
// dist/<entry>/, plus a one-line dist/<entry>.js that action.yml and package.json name.
import { execFile } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

// ncc's own script, run by this node: on Windows the `ncc` on PATH is a .cmd shim, which execFile cannot start.
const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
const entries = ['main', 'post', 'cli'];
rmSync('dist', { recursive: true, force: true });
await Promise.all(
  entries.map((entry) =>
    promisify(execFile)(process.execPath, [ncc, 'build', `src/${entry}.ts`, '-o', `dist/${entry}`, '--license', 'licenses.txt', '--target', 'es2023', '--quiet']),
  ),
);
for (const entry of entries) {
  const shebang = entry === 'cli' ? '#!/usr/bin/env node\n' : '';
  writeFileSync(`dist/${entry}.js`, `${shebang}import './${entry}/index.js';\n`);
}
chmodSync('dist/cli.js', 0o755);
