import { createHttpClient } from './http/client.js';
import { run as main } from './run.js';
import { runAsStep } from './step.js';

/** The main step. dist/main.js calls it when node starts that file; a debugger (local-action) imports and calls it. */
export function run(): Promise<void> {
  return runAsStep((runner) => main({ runner, createHttp: (timeoutMs) => createHttpClient({ timeoutMs }), now: Date.now }));
}
