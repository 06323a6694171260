import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileRecord } from '../../../src/runner/commands.js';
import { readRunnerFile, type RunnerOs } from '../../fakes/runner-files.js';

// Keyless's env-file writer read back by an independent reader that follows actions/runner's own
// (test/fakes/runner-files.ts), on both of its line readers: a value must arrive as written on every runner.

const DELIMITER = 'ghadelimiter_test-delimiter';
const OSES: readonly RunnerOs[] = ['posix', 'windows'];

/** Values made of what could end a record early or start another: line ends of every kind, `=`, `<<`, delimiter look-alikes. */
const hostileValue = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', '\n\n', '=', '<<', 'NAME<<EOF', 'X=1', 'EOF', DELIMITER.slice(0, -1), `${DELIMITER}x`, ` ${DELIMITER}`, '\u2028', '\uFEFF'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('the runner reader (the fake itself)', () => {
  it('reads name=value lines and heredoc records, skipping empty lines', () => {
    expect(readRunnerFile('A=1\n\nB<<EOF\nline one\nline two\nEOF\nC=x=y\n', 'posix')).toEqual([['A', '1'], ['B', 'line one\nline two'], ['C', 'x=y']]);
  });

  it('takes `=` or `<<`, whichever comes first', () => {
    expect(readRunnerFile('A=1<<EOF\nB<<E=F\nv\nE=F\n', 'posix')).toEqual([['A', '1<<EOF'], ['B', 'v']]);
  });

  it('ends a value only at a line equal to the delimiter, and keeps inner line ends as written', () => {
    expect(readRunnerFile('A<<EOF\n EOF\nEOF \nx\r\ny\nEOF\n', 'posix')).toEqual([['A', ' EOF\nEOF \nx\r\ny']]);
    expect(readRunnerFile('A<<EOF\n EOF\nEOF \nx\r\ny\nEOF\n', 'windows')).toEqual([['A', ' EOF\nEOF \nx\r\ny']]);
  });

  it('on Windows only, takes a CR before LF as part of the line end', () => {
    const text = 'A<<EOF\r\nvalue\r\nEOF\r\nB=1\r\n';
    expect(readRunnerFile(text, 'windows')).toEqual([['A', 'value'], ['B', '1']]);
    expect(readRunnerFile(text, 'posix')).toEqual([['A', 'value\r'], ['B', '1\r']]);
    expect(readRunnerFile('A<<EOF\nvalue\r\nEOF\n', 'windows')).toEqual([['A', 'value']]);
    expect(readRunnerFile('A<<EOF\nvalue\r\nEOF\n', 'posix')).toEqual([['A', 'value\r']]);
  });

  it('fails the step on what the runner refuses', () => {
    expect(() => readRunnerFile('just text\n', 'posix')).toThrow(/Invalid format/);
    expect(() => readRunnerFile('<<EOF\nx\nEOF\n', 'posix')).toThrow(/Name must not be empty/);
    expect(() => readRunnerFile('A<<\nx\n\n', 'posix')).toThrow(/delimiter must not be empty/);
    expect(() => readRunnerFile('A<<EOF\nx\n', 'posix')).toThrow(/Matching delimiter not found/);
    expect(() => readRunnerFile('A<<EOF\nx', 'posix')).toThrow(/EOF marker missing new line/);
  });

  it('drops a byte order mark and keeps the last of two values for one name', () => {
    expect(readRunnerFile('\uFEFFA=1\nA=2\n', 'posix')).toEqual([['A', '1'], ['A', '2']]);
  });
});

describe('fileRecord read back as the runner reads it', () => {
  it.each(OSES)('%s: any value it writes arrives whole, and nothing else arrives with it', (os) => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        let record: string;
        try {
          record = fileRecord('NAME', value, DELIMITER);
        } catch {
          // Refused: only a value that contains the delimiter, or that a runner would read back changed.
          expect(value.includes(DELIMITER) || value.endsWith('\r')).toBe(true);
          return;
        }
        expect(readRunnerFile(`OTHER=before\n${record}OTHER2=after\n`, os)).toEqual([['OTHER', 'before'], ['NAME', value], ['OTHER2', 'after']]);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the empty value and a value of only line ends', () => {
    for (const os of OSES) {
      expect(readRunnerFile(fileRecord('NAME', '', DELIMITER), os)).toEqual([['NAME', '']]);
      expect(readRunnerFile(fileRecord('NAME', '\n\n', DELIMITER), os)).toEqual([['NAME', '\n\n']]);
    }
  });

  it('refuses a value ending in CR, which a Windows runner would read back without it', () => {
    expect(() => fileRecord('NAME', 'value\r', DELIMITER)).toThrow(/CR/);
  });

  it('refuses a name the runner would split elsewhere', () => {
    for (const name of ['', 'A=B', 'A<<B', 'A\nB']) expect(() => fileRecord(name, 'v', DELIMITER), JSON.stringify(name)).toThrow();
  });
});
