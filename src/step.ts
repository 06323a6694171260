import { renderError } from './errors.js';
import { createRunner, type Runner } from './runner/runner.js';

/**
 * Runs one step body and guarantees its exit status. Node exits 0 when the event loop empties with a
 * promise still pending (a stalled socket nobody references), so an unfinished body is caught at
 * `beforeExit` and turned into a failure: the step is green only when the body really returned.
 */
export function runAsStep(body: (runner: Runner) => Promise<void>): void {
  const runner = createRunner(process.env, (text) => process.stdout.write(text));
  let settled = false;
  process.on('beforeExit', () => {
    if (settled) return;
    settled = true;
    runner.error('[INCOMPLETE] Keyless stopped before finishing its work (a connection was left hanging) — re-run the job; if it repeats, report it with this log');
    process.exitCode = 1;
  });
  body(runner).then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      runner.error(renderError(error));
      process.exitCode = 1;
    },
  );
}
