// Prints the mutation score of each security-critical module from Stryker's JSON report, and fails when
// one of them is below the bar. Run by `npm run mutate` after Stryker (as its post script).
import { existsSync, readFileSync } from 'node:fs';
import { modules, reportFile } from '../stryker.config.mjs';

const BAR = 90;

if (!existsSync(reportFile)) {
  console.error(`no mutation report at ${reportFile}: run npm run mutate first`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const only = process.env.MUTATE_MODULE;

const rows = [];
let failed = false;
for (const [name, files] of Object.entries(modules)) {
  if (only !== undefined && name !== only) continue;
  const count = { Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0 };
  let measured = 0;
  for (const file of files) {
    const result = report.files[file];
    if (result === undefined) continue;
    measured++;
    // CompileError, RuntimeError and Ignored mutants are not counted, as in Stryker's own score.
    for (const mutant of result.mutants) if (mutant.status in count) count[mutant.status]++;
  }
  const total = count.Killed + count.Survived + count.NoCoverage + count.Timeout;
  // Stryker's mutation score: a timeout is detected (the mutant hung the tests), as a kill is.
  const score = total === 0 ? 0 : (100 * (count.Killed + count.Timeout)) / total;
  const missing = measured < files.length;
  const ok = !missing && total > 0 && score >= BAR;
  if (!ok) failed = true;
  rows.push([name, count.Killed, count.Survived, count.NoCoverage, count.Timeout, total, missing ? 'not mutated' : `${score.toFixed(1)}%`, ok ? 'ok' : `< ${BAR}%`]);
}

const header = ['module', 'killed', 'survived', 'no coverage', 'timeout', 'total', 'score', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
console.log(`\nMutation score per module (${reportFile}; the bar is ${BAR}%):\n`);
console.log(line(header));
for (const row of rows) console.log(line(row));
if (failed) {
  console.error(`\nA module is below ${BAR}% (or was not mutated): add tests that kill its survivors, or list an equivalent mutant in docs/mutation-survivors.md.`);
  process.exit(1);
}
