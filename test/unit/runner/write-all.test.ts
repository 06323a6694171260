import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTo } from '../../../src/runner/write-all.js';

// COMMAND inherits Keyless's stdout. A line Keyless writes must be whole on that descriptor before COMMAND
// starts: an add-mask line cut in two, or still in a stream's buffer, lets COMMAND print the secret first.
describe('writeTo', () => {
  it.skipIf(process.platform === 'win32')('waits out a full non-blocking pipe and writes the rest once, in order, on that descriptor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-pipe-'));
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Our own reader lets the writer open non-blocking; it never reads.
    const idle = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    let filled = 0;
    const filler = Buffer.alloc(1024, 'x');
    try {
      for (;;) filled += writeSync(fd, filler);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('EAGAIN');
    }
    const out = join(dir, 'out');
    const reader = spawn('sh', ['-c', `sleep 0.2; cat "${fifo}" > "${out}"`]);
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // Were the line not written to the pipe before writeTo returned, cat would wait for a writer forever.
    setTimeout(() => reader.kill(), 10_000).unref();
    const line = `::add-mask::${'s'.repeat(8000)}\n`;
    writeTo(fd, line);
    closeSync(fd);
    closeSync(idle);
    await closed;
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBe(filled + line.length);
    expect(text.endsWith(line)).toBe(true);
  });
});
