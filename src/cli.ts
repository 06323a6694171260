import { VERSION } from './about.js';
import { exitCode } from './cli/args.js';
import { commandHelp, isCommand, USAGE, usageText } from './cli/usage.js';
import { KeylessError, renderError } from './errors.js';
import { inertLines } from './runner/inert.js';

// Every byte the CLI prints passes through inertLines: it runs in workflow steps too (`keyless pins` in CI),
// where a finding quoted from a hostile workflow file must not become a workflow command.
const out = (text: string) => process.stdout.write(inertLines(text));
const err = (text: string) => process.stderr.write(inertLines(text));

/** `-h` or `--help` before any `--` asks for the command's help instead of running it. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}

/** The CLI entry: each command is loaded only when asked for, so none pays for another's code. */
async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (isCommand(command) && asksForHelp(rest)) {
    out(commandHelp(command));
    return 0;
  }
  switch (command) {
    case 'demo': {
      const { demo } = await import('./cli/demo.js');
      return demo(rest, out);
    }
    case 'verify': {
      const { verifyCommand } = await import('./cli/verify.js');
      return verifyCommand(rest, { out, err });
    }
    case 'pins': {
      const { pinsCommand } = await import('./cli/pins.js');
      return pinsCommand(rest, { out, err }, process.env);
    }
    case 'secrets': {
      const { secretsCommand } = await import('./cli/secrets.js');
      return secretsCommand(rest, { out, err }, process.env);
    }
    case 'exec': {
      const { execCommand } = await import('./cli/exec.js');
      return execCommand(rest, process.env);
    }
    case 'refresh': {
      const [{ refresh }, { createRunner }] = await Promise.all([import('./cli/refresh.js'), import('./runner/runner.js')]);
      return refresh(rest, createRunner(process.env, (text) => process.stdout.write(text)));
    }
    case '-V':
    case '--version':
    case 'version':
      out(`keyless ${VERSION}\n`);
      return 0;
    case '-h':
    case '--help':
    case 'help':
      out(isCommand(rest[0]) ? commandHelp(rest[0]) : USAGE);
      return 0;
    case undefined:
      err(USAGE);
      return 2;
    default:
      err(`keyless: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // verify, pins and secrets report their own errors, in JSON when asked; these are refresh's and demo's.
    const [command] = argv;
    err(error instanceof KeylessError && error.code === 'USAGE' && isCommand(command) ? usageText(command, error) : `${renderError(error)}\n`);
    process.exitCode = exitCode(error);
  },
);
