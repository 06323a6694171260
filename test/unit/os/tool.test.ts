import { describe, expect, it } from 'vitest';
import { commandLine, findOnPath, findTool } from '../../../src/os/tool.js';

// How `az` and `pwsh` are found and started without a shell, on every OS: a fake file system stands in
// for the runner's, so the Windows cases run on any host.

const files = (...paths: string[]) => ({ isFile: (file: string) => paths.includes(file) });

describe('findOnPath', () => {
  it('takes the first match in PATH order, skipping relative and empty entries', () => {
    const env = { PATH: 'bin::/opt/a:/usr/bin' };
    expect(findOnPath('az', env, { platform: 'linux', ...files('/usr/bin/az', '/opt/a/az', 'bin/az') })).toBe('/opt/a/az');
    expect(findOnPath('az', env, { platform: 'linux', ...files() })).toBeUndefined();
  });

  it('on Windows reads Path in any case and tries each PATHEXT extension', () => {
    const env = { Path: 'C:\\Tools;"C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin"', PATHEXT: '.COM;.EXE;.BAT;.CMD' };
    const az = 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin\\az.cmd';
    expect(findOnPath('az', env, { platform: 'win32', ...files(az) })).toBe(az);
  });
});

describe('findTool on Windows: az.cmd without a shell', () => {
  const wbin = 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin';
  const env = { PATH: wbin, ComSpec: 'C:\\Windows\\system32\\cmd.exe' };

  it('starts the Python az.cmd runs (..\\python.exe -IBm azure.cli) directly, as the installer lays it out', () => {
    const tool = findTool('az', env, { platform: 'win32', ...files(`${wbin}\\az.cmd`, 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\python.exe') });
    expect(tool).toMatchObject({ file: 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\python.exe', prefix: ['-IBm', 'azure.cli'], env: { AZ_INSTALLER: 'MSI' } });
    expect(commandLine(tool!, ['login', '--federated-token', '@-'])).toEqual({ file: tool?.file, args: ['-IBm', 'azure.cli', 'login', '--federated-token', '@-'], verbatim: false });
  });

  it('else goes through cmd.exe, quoting the batch file, only with arguments cmd.exe reads nothing into', () => {
    const tool = findTool('az', env, { platform: 'win32', ...files(`${wbin}\\az.cmd`) });
    expect(tool?.viaCmd).toBe(true);
    expect(commandLine(tool!, ['account', 'set', '--subscription', '11111111-2222-4333-8444-555555555555'])).toEqual({
      file: 'C:\\Windows\\system32\\cmd.exe',
      args: ['/d', '/s', '/c', `""${wbin}\\az.cmd" account set --subscription 11111111-2222-4333-8444-555555555555"`],
      verbatim: true,
    });
    for (const hostile of ['a&calc', '%PATH%', 'x|y', '"q"', 'a b', '^', '(x)', 'a!b']) {
      expect(() => commandLine(tool!, ['cloud', 'set', '--name', hostile]), hostile).toThrow(/cmd.exe would read special characters/);
    }
  });

  it('an .exe is started as it is, and elsewhere any file on PATH', () => {
    expect(findTool('pwsh', { PATH: 'C:\\pwsh' }, { platform: 'win32', ...files('C:\\pwsh\\pwsh.exe') })).toMatchObject({ file: 'C:\\pwsh\\pwsh.exe', prefix: [] });
    expect(findTool('az', { PATH: '/usr/bin' }, { platform: 'linux', ...files('/usr/bin/az') })).toMatchObject({ file: '/usr/bin/az', prefix: [] });
  });
});
