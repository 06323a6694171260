import { writeSync } from 'node:fs';

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes whole to a descriptor before returning: stdout, which the runner reads and `keyless exec`'s
 * COMMAND inherits. A full non-blocking pipe is waited out: handing the rest to the stream would leave it in a buffer a child can overtake, and writing it whole
 * again after a partial write would cut an add-mask line in two, so the runner would mask something else
 * and print the secret wherever it shows later in the job.
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
