// The lockfile policy, checked before `npm ci` runs any code from it: every package is pinned by a sha512
// integrity from the npm registry, and none has an install script except the `node` dev dependency at
// the exact version package.json pins (it fetches node 24 for the npm scripts). A new dependency with a
// preinstall, install or postinstall script fails here, in review, not on a runner holding credentials.
import { readFileSync } from 'node:fs';

const REGISTRY = 'https://registry.npmjs.org/';
const lock = JSON.parse(readFileSync(process.argv[2] ?? 'package-lock.json', 'utf8'));
const manifest = JSON.parse(readFileSync(process.argv[3] ?? 'package.json', 'utf8'));
const allowed = new Map([['node_modules/node', manifest.devDependencies?.node]]);

// A dev dependency whose script package.json's allowScripts denies (`false`) never runs it: npm ci obeys
// allowScripts, and CI installs with --ignore-scripts besides.
const denied = (path, entry) => entry.dev === true && manifest.allowScripts?.[path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)] === false;

const problems = [];
if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3 (npm 9 or later)`);
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (path === '') continue;
  if (entry.link === true) {
    problems.push(`${path} is a link to ${entry.resolved}: every package comes from the registry`);
    continue;
  }
  if (typeof entry.integrity !== 'string' || !entry.integrity.startsWith('sha512-')) problems.push(`${path} has no sha512 integrity`);
  if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) problems.push(`${path} resolves to ${entry.resolved}, not to ${REGISTRY}`);
  if (entry.hasInstallScript === true && !(allowed.has(path) && allowed.get(path) === entry.version) && !denied(path, entry)) {
    problems.push(`${path}@${entry.version} has an install script`);
  }
}

if (problems.length > 0) {
  process.stderr.write(`package-lock.json breaks the dependency policy (README, Development):\n${problems.map((p) => `  ${p}\n`).join('')}`);
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(lock.packages).length - 1} packages, each pinned by sha512; no install script runs but node@${manifest.devDependencies.node}'s.`);
