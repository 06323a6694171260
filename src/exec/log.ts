import { writeSync } from 'node:fs';
import { createRunner, type Env, type Runner } from '../runner/runner.js';

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes whole to a descriptor COMMAND inherits, before returning. A full non-blocking pipe is waited out:
 * handing the rest to the stream would leave it in a buffer COMMAND can overtake, and writing it whole again
 * after a partial write would cut an add-mask line in two; either way COMMAND could print the secret
 * before the runner masks it.
 */
export function writeTo(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 5);
    }
  }
}

/**
 * The runner port for `keyless exec`. Under GitHub Actions it speaks workflow commands on stdout, as the
 * action's steps do, so every secret is masked before COMMAND starts. Elsewhere there is no log to mask:
 * an `add-mask` line would print the secret itself, so none is written, and Keyless's lines go to stderr,
 * leaving stdout to COMMAND.
 */
export function execRunner(env: Env): { runner: Runner; actions: boolean } {
  const actions = env.GITHUB_ACTIONS === 'true';
  const write = actions
    ? (text: string) => { writeTo(1, text); }
    : (text: string) => {
        if (text.startsWith('::add-mask::')) return;
        writeTo(2, text.replace(/^::(warning|error)[^:]*::/, 'keyless exec: $1: '));
      };
  return { runner: createRunner(env, write), actions };
}
