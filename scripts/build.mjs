// Bundles each entry with ncc (unminified, with licences, so a dist diff is reviewable) into
// dist/<entry>/, plus a small dist/<entry>.js that action.yml and package.json name.
// Everything in dist/ is CommonJS (dist/package.json): Node starts the same code ~20% faster from a
// CommonJS bundle than from an ES module, and a lazy chunk is then a synchronous require, not an import().
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { printDistDigests } from './dist-digests.mjs';

const entries = ['main', 'post', 'cli'];

/** One entry through ncc's API: its CLI picks ES module output for any entry of a "type": "module" package. */
async function bundle(entry) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  const out = `dist/${entry}`;
  const { code, assets } = await ncc(`${process.cwd()}/src/${entry}.ts`, { esm: false, filename: 'index.js', license: 'licenses.txt', target: 'es2023', quiet: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.js'), code);
  for (const [name, { source }] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, name)), { recursive: true });
    writeFileSync(join(out, name), source);
  }
}

if (process.argv[2]) {
  await bundle(process.argv[2]);
} else {
  rmSync('dist', { recursive: true, force: true });
  // One process per entry, so the entries build in parallel.
  await Promise.all(entries.map((entry) => promisify(execFile)(process.execPath, [import.meta.filename, entry])));
  writeFileSync('dist/package.json', '{\n  "type": "commonjs"\n}\n');
  // The step entries export run() and call it only when node was started on them (the runner's
  // `node dist/main.js`): a debugger such as local-action imports the file and calls run() itself.
  const step = (entry) => `'use strict';
const { run } = require('./${entry}/index.js');

exports.run = run;
if (require.main === module) void run();
`;
  writeFileSync('dist/cli.js', "#!/usr/bin/env node\n'use strict';\nrequire('./cli/index.js');\n");
  for (const entry of ['main', 'post']) writeFileSync(`dist/${entry}.js`, step(entry));
  chmodSync('dist/cli.js', 0o755);
  // What a reviewer compares with a release's checksums (scripts/dist-digests.mjs).
  printDistDigests();
}
