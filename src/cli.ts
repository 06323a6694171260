import { renderError } from './errors.js';
import { inertLines } from './runner/inert.js';

// Every byte the CLI prints passes through inertLines: it runs in workflow steps too (`keyless pins` in CI),
// where a finding quoted from a hostile workflow file must not become a workflow command.
const out = (text: string) => process.stdout.write(inertLines(text));
const err = (text: string) => process.stderr.write(inertLines(text));

const USAGE = `usage: keyless <command>

commands:
  demo     run the action's main and post steps end to end against loopback fakes
           and print what a job log would show
  verify   verify a Sigstore bundle for an artifact or digest against a signer policy
           keyless verify --bundle FILE (--artifact FILE | --digest sha256:HEX)
             [--trusted-root FILE] ((--identity SAN | --identity-regexp RE) --issuer URL
             | --key PEMFILE) [--json]
  pins     report actions, workflows and images not pinned to an immutable digest
           keyless pins [--policy strict] [--allow PATTERN[=POLICY]]... [--format text|json|sarif] PATH...
  refresh  rewrite the Azure federated token file with a fresh OIDC token (long jobs)
           keyless refresh [--file PATH] [--audience AUD]

exit codes: 0 success, 1 failure, 2 usage error`;

/** The CLI entry: each command is loaded only when asked for, so none pays for another's code. */
async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
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
    case 'refresh': {
      const [{ refresh }, { createRunner }] = await Promise.all([import('./cli/refresh.js'), import('./runner/runner.js')]);
      return refresh(rest, createRunner(process.env, (text) => process.stdout.write(text)));
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      out(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      err(`keyless: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`${renderError(error)}\n`);
    process.exitCode = 1;
  },
);
