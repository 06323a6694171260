import { createRunner, type Env, type Runner } from '../runner/runner.js';
import { writeTo } from '../runner/write-all.js';

/**
 * The runner port for `keyless exec`. Under GitHub Actions it speaks workflow commands on stdout, as the
 * action's steps do, so every secret is masked before COMMAND starts. Elsewhere there is no log to mask:
 * an `add-mask` line would print the secret itself, so none is written, and Keyless's lines go to stderr,
 * leaving stdout to COMMAND.
 */
export function execRunner(env: Env): { runner: Runner; actions: boolean } {
  const actions = env.GITHUB_ACTIONS === 'true';
  const write = actions
    ? (text: string) => { unlessGone(1, text); }
    : (text: string) => {
        if (text.startsWith('::add-mask::')) return;
        unlessGone(2, text.replace(/^::(warning|error)[^:]*::/, 'keyless exec: $1: '));
      };
  return { runner: createRunner(env, write), actions };
}

/**
 * A reader that has gone (`keyless exec … | head -1`) reads nothing more, COMMAND's output included, which
 * shares the descriptor: what Keyless would say is lost, and must not stop it revoking what it minted.
 */
function unlessGone(fd: 1 | 2, text: string): void {
  try {
    writeTo(fd, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}
