import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../src/errors.js';
import { runAsStep, type StepProcess } from '../../src/step.js';

function fakeProcess() {
  const events = new EventEmitter();
  let out = '';
  const proc: StepProcess & { out(): string; emit(event: string): void } = {
    env: {},
    stdout: { write: (text: string) => (out += text) },
    exitCode: undefined,
    on: (event, listener) => events.on(event, listener),
    emit: (event) => events.emit(event),
    out: () => out,
  };
  return proc;
}

describe('runAsStep', () => {
  it('fails a step whose work is still pending when the event loop empties', () => {
    const proc = fakeProcess();
    void runAsStep(() => new Promise(() => {}), proc);
    proc.emit('beforeExit');
    expect(proc.exitCode).toBe(1);
    expect(proc.out()).toMatch(/^::error::\[INCOMPLETE\]/);
  });

  it('renders a coded error once and exits 1', async () => {
    const proc = fakeProcess();
    await runAsStep(() => Promise.reject(new KeylessError('EXCHANGE_DENIED', 'no', { subject: 'rfc8693 "x"', hint: 'fix it' })), proc);
    proc.emit('beforeExit');
    expect(proc.exitCode).toBe(1);
    expect(proc.out()).toBe('::error::[EXCHANGE_DENIED] rfc8693 "x": no — fix it\n');
  });

  it('leaves the exit status alone when the body finished', async () => {
    const proc = fakeProcess();
    await runAsStep(() => Promise.resolve(), proc);
    proc.emit('beforeExit');
    expect(proc.exitCode).toBeUndefined();
    expect(proc.out()).toBe('');
  });
});
