// A step's stdout as actions/runner processes it, ported from its source rather than from Keyless's writer:
// src/Runner.Common/ActionCommand.cs (TryParseV2, TryParse, UnescapeData) and
// src/Runner.Worker/ActionCommandManager.cs (stop-commands, add-mask).
//
// - A line is a command when, after TrimStart, it starts `::NAME` and a second `::` follows (v2), or when it
//   holds `##[NAME…]` anywhere (v1), and NAME (case-insensitive) is a registered command.
// - `::stop-commands::TOKEN` stops all command processing until a line is the command `TOKEN`; lines in
//   between are printed as they are, `::add-mask::` included, so whatever they would have masked shows.
// - `::add-mask::DATA` masks DATA unescaped (%0D, %0A, %25), unless DATA is empty or white space; the line
//   itself is not printed.
// - `::save-state name=NAME::DATA` saves step state, as GITHUB_STATE does (which is read after the step, so wins).

const COMMANDS = ['add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning'];

interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

function unescapeData(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

function unescapeV1(text: string): string {
  return text.replaceAll('%3B', ';').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%5D', ']').replaceAll('%25', '%');
}

function unescapeProperty(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

/** `name=value` pairs split at `separator`, as ActionCommand does (a pair without a value is dropped). */
function properties(text: string, separator: string, unescape: (value: string) => string): Record<string, string> {
  const pairs = text.split(separator).flatMap((pair): [string, string][] => {
    const equals = pair.indexOf('=');
    return equals > 0 && equals < pair.length - 1 ? [[pair.slice(0, equals).toLowerCase(), unescape(pair.slice(equals + 1))]] : [];
  });
  return Object.fromEntries(pairs);
}

function parse(line: string, registered: ReadonlySet<string>): Command | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    const info = end < 0 ? '' : trimmed.slice(2, end);
    const space = info.indexOf(' ');
    const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
    if (end >= 0 && registered.has(name)) {
      return { name, properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', unescapeProperty) : {}, data: unescapeData(trimmed.slice(end + 2)) };
    }
  }
  const prefix = line.indexOf('##[');
  const close = prefix < 0 ? -1 : line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
  if (!registered.has(name)) return undefined;
  return { name, properties: space > 0 ? properties(info.slice(space + 1), ';', unescapeV1) : {}, data: unescapeV1(line.slice(close + 1)) };
}

export interface RunnerLog {
  /** The lines the runner prints to the job log (before its masking), with their index in the step's lines. */
  printed: { index: number; text: string }[];
  /** Each value the runner masks, with the index of the line that registered it. */
  masks: { index: number; value: string }[];
  /** What `::save-state name=…::` lines saved: the runner adds it to the step's state beside GITHUB_STATE. */
  state: Record<string, string>;
}

/** What the runner prints and masks of a step's stdout lines (split as the runner splits them). */
export function readRunnerLog(lines: readonly string[]): RunnerLog {
  const registered = new Set(COMMANDS);
  let stopToken: string | undefined;
  const log: RunnerLog = { printed: [], masks: [], state: {} };
  lines.forEach((text, index) => {
    const command = parse(text, registered);
    if (stopToken !== undefined) {
      if (command !== undefined && stopToken !== '' && command.name === stopToken) {
        registered.delete(stopToken);
        stopToken = undefined;
      }
      log.printed.push({ index, text });
    } else if (command?.name === 'stop-commands') {
      stopToken = command.data.toLowerCase();
      registered.add(stopToken);
      log.printed.push({ index, text });
    } else if (command?.name === 'add-mask') {
      if (command.data.trim() !== '') log.masks.push({ index, value: command.data });
    } else {
      if (command?.name === 'save-state' && command.properties.name) log.state[command.properties.name] = command.data;
      log.printed.push({ index, text });
    }
  });
  return log;
}
