import { writeSync } from 'node:fs';
import { createRunner, type Env, type Runner } from '../runner/runner.js';

/** Writes whole to a descriptor, in order with what COMMAND writes to the same one; the stream when it is non-blocking and full. */
function writeTo(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    (fd === 1 ? process.stdout : process.stderr).write(text);
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
