import { renderError } from './errors.js';
import { createRunner, type Env, type Runner } from './runner/runner.js';
import { writeTo } from './runner/write-all.js';

/** Straight to fd 1: creating process.stdout costs ~5 ms of start-up, and the runner reads the pipe in order either way. */
function writeStdout(text: string): void {
  writeTo(1, text);
}

/** The slice of `process` a step uses, so the exit-status guarantee can be tested in-process. */
export interface StepProcess {
  env: Env;
  stdout: { write(text: string): unknown };
  exitCode?: number | string | null | undefined;
  on(event: 'beforeExit', listener: () => void): unknown;
}

/**
 * Runs one step body and guarantees its exit status. Node exits 0 when the event loop empties with a
 * promise still pending (a stalled socket nobody references), so an unfinished body is caught at
 * `beforeExit` and turned into a failure: the step is green only when the body really returned.
 */
const realProcess: StepProcess = {
  env: process.env,
  stdout: { write: writeStdout },
  on: (event, listener) => process.on(event, listener),
  set exitCode(code: StepProcess['exitCode']) {
    process.exitCode = code;
  },
};

export function runAsStep(body: (runner: Runner) => Promise<void>, proc: StepProcess = realProcess): Promise<void> {
  const runner = createRunner(proc.env, (text) => proc.stdout.write(text));
  let settled = false;
  proc.on('beforeExit', () => {
    if (settled) return;
    settled = true;
    runner.error('[INCOMPLETE] Keyless stopped before finishing its work (a connection was left hanging) — re-run the job; if it repeats, report it with this log');
    proc.exitCode = 1;
  });
  return body(runner).then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      runner.error(renderError(error));
      proc.exitCode = 1;
    },
  );
}
