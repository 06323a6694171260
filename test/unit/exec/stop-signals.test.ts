import { afterEach, describe, expect, it, vi } from 'vitest';
import { StopSignals } from '../../../src/exec/child.js';
import { KeylessError } from '../../../src/errors.js';

// keyless exec holds off SIGINT, SIGTERM and SIGHUP: the runner cancels with SIGINT, SIGTERM 7.5 s later,
// then kills. Signals are emitted here as process events, which is how node delivers them to listeners.

let stop: StopSignals | undefined;
afterEach(() => {
  stop?.release();
  stop = undefined;
  vi.useRealTimers();
});

const emit = (signal: NodeJS.Signals) => process.emit(signal, signal);

describe('StopSignals', () => {
  it('while minting: the first signal stops new requests, gives those sent a grace, and a second gives them up', () => {
    vi.useFakeTimers();
    stop = new StopSignals();
    emit('SIGINT');
    expect([stop.received, stop.signal.aborted, stop.abandon.aborted]).toEqual(['SIGINT', true, false]);
    vi.advanceTimersByTime(2_999);
    expect(stop.abandon.aborted).toBe(false);
    emit('SIGTERM');
    expect([stop.received, stop.abandon.aborted]).toEqual(['SIGINT', true]);
  });

  it('a stop before the cleanup does not hold its revocations back; the next one gives them up at once, as a REVOKE_FAILED', () => {
    stop = new StopSignals();
    emit('SIGINT');
    const cleanup = stop.cleanupPhase();
    expect([cleanup.signal.aborted, cleanup.abandon.aborted]).toEqual([false, false]);
    emit('SIGTERM');
    expect([cleanup.signal.aborted, cleanup.abandon.aborted]).toEqual([true, true]);
    expect(cleanup.abandon.reason).toBeInstanceOf(KeylessError);
    expect((cleanup.abandon.reason as KeylessError).code).toBe('REVOKE_FAILED');
    expect(stop.received).toBe('SIGINT');
  });

  it('a first stop during the cleanup gives the revocations sent a grace', () => {
    vi.useFakeTimers();
    stop = new StopSignals();
    const cleanup = stop.cleanupPhase();
    emit('SIGTERM');
    expect([cleanup.signal.aborted, cleanup.abandon.aborted]).toEqual([true, false]);
    vi.advanceTimersByTime(3_000);
    expect(cleanup.abandon.aborted).toBe(true);
  });
});
