import { cleanup } from './cleanup.js';
import { createHttpClient } from './http/client.js';
import { runAsStep } from './step.js';

void runAsStep((runner) => cleanup({ runner, http: createHttpClient({ timeoutMs: 10_000, maxAttempts: 3 }) }));
