import { createHttpClient } from './http/client.js';
import { run } from './run.js';
import { runAsStep } from './step.js';

void runAsStep((runner) => run({ runner, createHttp: (timeoutMs) => createHttpClient({ timeoutMs }), now: Date.now }));
