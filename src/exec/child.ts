import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { KeylessError } from '../errors.js';

/** How COMMAND ended, as a shell reports it: its exit code, or 128 + the number of the signal that ended it. */
export interface ChildExit {
  status: number;
  signal?: NodeJS.Signals;
}

/** What Keyless is told to stop with: each is passed on to COMMAND, and Keyless cleans up once COMMAND has gone. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * How long requests already sent may still bring their answer after a stop: one the server acted on is a
 * credential to revoke, not to lose. A cancelled runner sends SIGINT, SIGTERM 7.5 s later, then kills; a
 * second signal gives them up at once.
 */
const ANSWER_GRACE_MS = 3_000;

export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/** The signals of one phase of `keyless exec`: minting and COMMAND, then the cleanup. */
interface Phase {
  stopping: AbortController;
  abandoning: AbortController;
  /** Whether a stop signal already arrived: the next one gives up at once. */
  told: boolean;
  /** What a request the stop cut short fails with. */
  reason: (signal: NodeJS.Signals) => Error;
}

const phase = (told: boolean, reason: Phase['reason']): Phase => ({ stopping: new AbortController(), abandoning: new AbortController(), told, reason });
const stopped = (signal: NodeJS.Signals) => new Error(`told to stop (${signal})`);
const revocationStopped = (signal: NodeJS.Signals) =>
  new KeylessError('REVOKE_FAILED', `given up: keyless exec was told to stop (${signal}) before it was done`, { hint: 'it lives until it expires; revoke it by hand if that is too long' });

/**
 * Holds off the stop signals from the moment `keyless exec` starts minting: a credential minted before
 * the signal still gets revoked. A signal that arrives while COMMAND runs goes to COMMAND; one that arrives
 * before means COMMAND is never started. A second one while COMMAND still runs kills it (SIGKILL): the
 * runner cancels with SIGINT, then SIGTERM, then kills Keyless too, and a COMMAND that ignores the first
 * must not keep the credentials from being revoked in between.
 */
export class StopSignals {
  #received: NodeJS.Signals | undefined;
  #child: ChildProcess | undefined;
  #phase = phase(false, stopped);
  readonly #listener = (signal: NodeJS.Signals) => {
    const { stopping, abandoning, told: again } = this.#phase;
    this.#phase.told = true;
    this.#received ??= signal;
    const reason = this.#phase.reason(signal);
    stopping.abort(reason);
    if (again) abandoning.abort(reason);
    else setTimeout(() => { abandoning.abort(reason); }, ANSWER_GRACE_MS).unref();
    if (this.#child?.exitCode === null && this.#child.signalCode === null) this.#child.kill(again ? 'SIGKILL' : signal);
  };

  constructor() {
    for (const signal of STOP_SIGNALS) process.on(signal, this.#listener);
  }

  get received(): NodeJS.Signals | undefined {
    return this.#received;
  }

  /** Aborts at the first stop signal: no request starts and no wait for a retry goes on after it. */
  get signal(): AbortSignal {
    return this.#phase.stopping.signal;
  }

  /** Aborts a few seconds after the first stop signal, or at the second: requests still unanswered are given up. */
  get abandon(): AbortSignal {
    return this.#phase.abandoning.signal;
  }

  /**
   * From here on `signal` and `abandon` answer the cleanup's stop signals, not the minting's: revocations
   * run whole after a stop that came before them (it is why they run). A stop while they run ends their
   * retries and gives the ones sent a few seconds; when Keyless was already told to stop once, this is the
   * runner's second signal, shortly before it kills the process, and they are given up at once.
   */
  cleanupPhase(): { signal: AbortSignal; abandon: AbortSignal } {
    this.#phase = phase(this.#received !== undefined, revocationStopped);
    return { signal: this.signal, abandon: this.abandon };
  }

  /**
   * Starts COMMAND with stdio inherited (its output reaches the log unbuffered, as if run alone) and waits
   * for it. Rejects only when it cannot be started (ENOENT, EACCES).
   */
  run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildExit> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'inherit', env });
      this.#child = child;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        resolve(signal === null ? { status: code ?? 1 } : { status: signalStatus(signal), signal });
      });
    });
  }

  /** Gives the signals back to node's defaults, so nothing keeps the process alive. */
  release(): void {
    for (const signal of STOP_SIGNALS) process.off(signal, this.#listener);
  }
}
