import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { KeylessError } from '../errors.js';

/** How to start a command-line tool found on PATH: a program, and arguments that come before the tool's own. */
export interface Tool {
  name: string;
  /** What was found on PATH, for messages. */
  path: string;
  file: string;
  prefix: readonly string[];
  /** Variables the tool's own launcher would have set (az.cmd sets AZ_INSTALLER). */
  env?: Readonly<Record<string, string>>;
  /** A Windows batch file run through cmd.exe: every argument must be free of cmd's special characters. */
  viaCmd?: true;
}

export interface LookupOptions {
  platform?: NodeJS.Platform;
  isFile?: (file: string) => boolean;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A variable by name, as Windows matches names: without regard to case (`Path`, `PATH`). */
function variable(env: Readonly<Record<string, string | undefined>>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}

/** The first `name` on PATH, with Windows' PATHEXT, as a shell would find it; undefined when there is none. */
export function findOnPath(name: string, env: Readonly<Record<string, string | undefined>>, options: LookupOptions = {}): string | undefined {
  const platform = options.platform ?? process.platform;
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  const exists = options.isFile ?? isFile;
  // A relative entry would find a file of the workspace, which any pull request can add.
  const dirs = (variable(env, 'PATH', platform) ?? '')
    .split(platform === 'win32' ? ';' : ':')
    .map((dir) => (platform === 'win32' ? dir.replace(/^"(.*)"$/, '$1') : dir))
    .filter((dir) => dir !== '' && flavour.isAbsolute(dir));
  const extensions = platform === 'win32' ? (variable(env, 'PATHEXT', platform) ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = flavour.join(dir, `${name}${ext.toLowerCase()}`);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * `name` found on PATH as something execFile can start without a shell. On Windows `az` is az.cmd, a
 * batch file, which Node runs only through cmd.exe; the Azure CLI's installer puts the Python that
 * az.cmd runs one folder up (`…\CLI2\python.exe -IBm azure.cli`), so that is started directly. Any
 * other batch file goes through cmd.exe, and only with arguments cmd.exe gives no meaning to.
 */
export function findTool(name: string, env: Readonly<Record<string, string | undefined>>, options: LookupOptions = {}): Tool | undefined {
  const platform = options.platform ?? process.platform;
  const found = findOnPath(name, env, options);
  if (found === undefined) return undefined;
  if (platform !== 'win32' || !/\.(cmd|bat)$/i.test(found)) return { name, path: found, file: found, prefix: [] };
  const python = path.win32.join(path.win32.dirname(found), '..', 'python.exe');
  if (name === 'az' && (options.isFile ?? isFile)(python)) return { name, path: found, file: python, prefix: ['-IBm', 'azure.cli'], env: { AZ_INSTALLER: 'MSI' } };
  return { name, path: found, file: variable(env, 'COMSPEC', platform) ?? 'cmd.exe', prefix: [], viaCmd: true };
}

/** cmd.exe gives none of these characters a meaning: no quoting, no expansion, no second command. */
const CMD_SAFE = /^[\w@.:/\\=+,-]+$/;

/** The program and arguments to start, with the cmd.exe command line for a batch file. */
export function commandLine(tool: Tool, args: readonly string[]): { file: string; args: string[]; verbatim: boolean } {
  if (!tool.viaCmd) return { file: tool.file, args: [...tool.prefix, ...args], verbatim: false };
  const unsafe = args.find((arg) => !CMD_SAFE.test(arg));
  if (unsafe !== undefined || /["%^&|<>()!]/.test(tool.path)) {
    throw new KeylessError('INPUT_INVALID', `${tool.path} is a batch file, and cmd.exe would read special characters in its arguments or path`, {
      hint: `install ${tool.name} so that an .exe is found on PATH first, or set the entry's ${tool.name}-login: false`,
    });
  }
  return { file: tool.file, args: ['/d', '/s', '/c', `""${tool.path}" ${args.join(' ')}"`], verbatim: true };
}

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** Written to the tool's stdin, which is then closed; closed at once when absent, so no tool waits for input. */
  stdin?: string;
  timeoutMs: number;
  /** Once aborted, the tool is killed and the run rejects with the signal's reason (`keyless exec` told to stop). */
  signal?: AbortSignal | undefined;
}

/**
 * Runs a tool without a shell and waits for it, at most `timeoutMs`. Never throws for the tool's own
 * failure: the caller reads its exit code and output. Throws when it could not be started at all.
 */
export function runTool(tool: Tool, args: readonly string[], options: RunOptions): Promise<ToolRun> {
  const command = commandLine(tool, args);
  const env = Object.fromEntries(Object.entries({ ...options.env, ...tool.env }).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    const child = execFile(
      command.file,
      command.args,
      { env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true, windowsVerbatimArguments: command.verbatim, encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }) | null;
        const code: unknown = failure?.code;
        if (failure === null) resolve({ code: 0, stdout, stderr, timedOut: false });
        else if (options.signal?.aborted === true) reject(options.signal.reason as Error);
        else if (typeof code === 'number') resolve({ code, stdout, stderr, timedOut: false });
        else if (failure.killed === true || code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolve({ code: null, stdout, stderr, timedOut: failure.killed === true && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' });
        else reject(new KeylessError('INPUT_INVALID', `${tool.name} could not be started from ${tool.path} (${typeof code === 'string' ? code : 'no exit code'})`, { hint: `check the ${tool.name} installation on this runner` }));
      },
    );
    // A tool that exits before reading its input closes the pipe: that is its answer, not an error of ours.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.stdin ?? '');
  });
}
