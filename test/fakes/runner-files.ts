// GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE as actions/runner reads them, written from its source rather
// than from Keyless's writer, so a test that reads a file back checks the writer against the runner:
// src/Runner.Worker/FileCommandManager.cs, class EnvFileKeyValuePairs (actions/runner 258d6c8, 2026-08).
//
// - A line ends at LF. On Windows (`#if OS_WINDOWS` in its ReadLine) a CR right before that LF belongs
//   to the line end too; elsewhere a CR is an ordinary character.
// - Empty lines are skipped. `NAME=VALUE` when `=` comes before any `<<`; `NAME<<DELIMITER` when `<<`
//   comes first, and then the value is every line up to the first line equal to DELIMITER, exactly
//   (ordinal), taken as the raw text between them minus the last line end: inner line ends stay as written.
// - Anything else, an empty name or delimiter, a missing delimiter line, or a value line with no line end
//   at the end of the file, makes the runner throw (the step fails).
// - File.ReadAllText drops a UTF-8 byte order mark.
// A name given twice keeps its last value, as the runner's dictionaries do.

/** Which of the runner's two line readers: Windows, or everything else (Linux, macOS). */
export type RunnerOs = 'windows' | 'posix';

export const HOST_RUNNER_OS: RunnerOs = process.platform === 'win32' ? 'windows' : 'posix';

interface Line {
  text: string;
  /** The line end it had: undefined for a last line without one. */
  newline: '\n' | '\r\n' | undefined;
  next: number;
}

function readLine(text: string, index: number, os: RunnerOs): Line | undefined {
  if (index >= text.length) return undefined;
  const lf = text.indexOf('\n', index);
  if (lf < 0) return { text: text.slice(index), newline: undefined, next: text.length };
  if (os === 'windows' && lf > index && text[lf - 1] === '\r') return { text: text.slice(index, lf - 1), newline: '\r\n', next: lf + 1 };
  return { text: text.slice(index, lf), newline: '\n', next: lf + 1 };
}

/** Every `[name, value]` record of the file, in order; throws where the runner would fail the step. */
export function readRunnerFile(content: string, os: RunnerOs = HOST_RUNNER_OS): [string, string][] {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const records: [string, string][] = [];
  let index = 0;
  for (let line = readLine(text, index, os); line !== undefined; line = readLine(text, index, os)) {
    index = line.next;
    if (line.text === '') continue;
    const equals = line.text.indexOf('=');
    const heredoc = line.text.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      records.push([line.text.slice(0, equals), line.text.slice(equals + 1)]);
    } else if (heredoc >= 0) {
      const name = line.text.slice(0, heredoc);
      const delimiter = line.text.slice(heredoc + 2);
      if (name === '' || delimiter === '') throw new Error(`Invalid format '${line.text}'. Name must not be empty and delimiter must not be empty`);
      const start = index;
      let end = index;
      let value = readLine(text, index, os);
      while (value?.text !== delimiter) {
        if (value === undefined) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
        if (value.newline === undefined) throw new Error('Invalid value. EOF marker missing new line.');
        end = value.next - value.newline.length;
        value = readLine(text, value.next, os);
      }
      index = value.next;
      records.push([name, end > start ? text.slice(start, end) : '']);
    } else {
      throw new Error(`Invalid format '${line.text}'`);
    }
  }
  return records;
}

/** The file as the runner's dictionary of names to values. */
export function readRunnerFileValues(content: string, os: RunnerOs = HOST_RUNNER_OS): Record<string, string> {
  return Object.fromEntries(readRunnerFile(content, os));
}
