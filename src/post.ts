import { cleanup } from './cleanup.js';
import { createHttpClient } from './http/client.js';
import { runAsStep } from './step.js';

/** The post step. dist/post.js calls it when node starts that file; a debugger (local-action) imports and calls it. */
export function run(): Promise<void> {
  return runAsStep((runner) => cleanup({ runner, http: createHttpClient({ timeoutMs: 10_000, maxAttempts: 3 }) }));
}
