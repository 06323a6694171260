import { execFileSync } from 'node:child_process';

// Where the main step's distance from the floor goes before it does anything: the CPU time (user + system,
// as the child itself counts it at exit) of loading each piece, beside an empty script. Wall time would
// add the machine's noise to differences of a few milliseconds.

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** CPU milliseconds of a node that requires `module` (nothing when empty) and exits; the median of `runs`. */
function loadCpu(modules: Record<string, string>, runs: number): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(modules).map((name) => [name, []]));
  const report = "process.on('exit', () => { const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); });";
  for (let i = 0; i < runs + 2; i++) {
    for (const [name, module] of Object.entries(modules)) {
      const code = `${module === '' ? '' : `require(${JSON.stringify(module)});`}${report}`;
      const cpu = Number(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
      if (i >= 2) samples[name]?.push(cpu);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** `mainEntry`: dist/main.js (required, so it loads without running); `yaml`: the yaml package bundled alone. */
export function printLoadCpu(mainEntry: string, yaml: string, runs: number): void {
  const cpu = loadCpu({ empty: '', yaml, crypto: 'node:crypto', main: mainEntry }, runs);
  const over = (name: string) => ((cpu[name] ?? Number.NaN) - (cpu.empty ?? Number.NaN)).toFixed(1);
  console.log(`  loading dist/main.js, CPU over an empty script   +${over('main')} ms  (of which the yaml package alone +${over('yaml')}, node:crypto +${over('crypto')}; empty script ${(cpu.empty ?? Number.NaN).toFixed(1)} ms)`);
}
