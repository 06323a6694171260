import { closeSync, openSync, writeFileSync } from 'node:fs';
import { KeylessError } from '../errors.js';
import { retryBusy } from '../os/fs-retry.js';
import { toPosixPath } from '../os/paths.js';
import { type AnnotationProperties, command, escapeData, fileRecord } from './commands.js';
import { inert } from './inert.js';
import { MIN_SECRET_LENGTH, SecretSet } from './mask.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** The runner as a port: everything the action says to the job goes through here. */
export interface Runner {
  readonly env: Env;
  /** Registers a secret (and its derived forms) with the runner's log masking, before any use. */
  mask(secret: string): void;
  /** Removes every registered secret from text the runner will not mask (summary, files, errors). */
  redact(text: string): string;
  exportVariable(name: string, value: string): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  appendSummary(markdown: string): void;
  /** Prepends a directory to PATH for later steps (GITHUB_PATH). */
  addPath(dir: string): void;
  info(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  group(title: string): void;
  endGroup(): void;
}

/**
 * A record delimiter. fileRecord refuses any value that contains it, so it need not be unpredictable,
 * only unlikely to collide; that keeps node:crypto off the start path.
 */
function delimiter(): string {
  return `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

/** The longest line Keyless prints; runners and log viewers handle far more, but no message of Keyless's needs it. */
const MAX_LINE = 4000;

/**
 * Appends to one of the runner's files. Only the open is retried while Windows reports the file busy (a
 * scanner holding it): a failed open wrote nothing, where a retried append could write a record twice.
 */
function append(file: string, text: string): void {
  const fd = retryBusy(() => openSync(file, 'a'));
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

export function createRunner(env: Env, write: (text: string) => void): Runner {
  const secrets = new SecretSet();
  const appendTo = (variable: string, name: string, value: string) => {
    const file = env[variable];
    if (file === undefined || file === '') {
      throw new KeylessError('INPUT_INVALID', `${variable} is not set, so ${name} cannot be handed to the job`, {
        hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
      });
    }
    append(file, fileRecord(name, value, delimiter()));
  };
  // Every line Keyless prints: secrets removed first (a masked form may span what inert would flatten), then made inert.
  // Bounded too: a server that answers with megabytes must not flood the job log.
  const line = (text: string) => {
    const flat = inert(secrets.redact(text));
    return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}… (${flat.length - MAX_LINE} more characters)` : flat;
  };
  // `file=` names a file of the repository as GitHub does, with `/`: a Windows path would not place the annotation.
  const annotate = (name: string, message: string, properties: AnnotationProperties = {}) => {
    const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value !== 'string' ? value : line(key === 'file' ? toPosixPath(value) : value)]));
    write(command(name, line(message), props));
  };
  return {
    env,
    mask(secret) {
      if (SecretSet.unmaskable(secret)) {
        throw new KeylessError('HTTP_BAD_RESPONSE', `a secret value of ${secret.length} character(s) (or with a line that short) cannot be masked in the log, so it is refused`, {
          hint: `the service answered with a credential shorter than ${MIN_SECRET_LENGTH} characters; report it to its operator`,
        });
      }
      for (const form of secrets.add(secret)) write(`::add-mask::${escapeData(form)}\n`);
    },
    redact: (text) => secrets.redact(text),
    exportVariable: (name, value) => { appendTo('GITHUB_ENV', name, value); },
    setOutput: (name, value) => { appendTo('GITHUB_OUTPUT', name, value); },
    saveState: (name, value) => { appendTo('GITHUB_STATE', name, value); },
    addPath(dir) {
      // GITHUB_PATH is one folder a line: a line break in a folder's name would add a second, chosen by whoever named it.
      if (/[\r\n\0]/.test(dir)) {
        throw new KeylessError('INPUT_INVALID', 'a folder to add to PATH has a line break or NUL in its name', {
          hint: 'keep tools in folders whose names hold no control characters',
        });
      }
      const file = env.GITHUB_PATH;
      if (file) append(file, `${dir}\n`);
    },
    appendSummary(markdown) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (file) append(file, `${secrets.redact(markdown)}\n`);
    },
    info: (message) => { write(`${line(message)}\n`); },
    warning: (message, properties) => { annotate('warning', message, properties); },
    error: (message, properties) => { annotate('error', message, properties); },
    group: (title) => { write(`::group::${escapeData(line(title))}\n`); },
    endGroup: () => { write('::endgroup::\n'); },
  };
}
