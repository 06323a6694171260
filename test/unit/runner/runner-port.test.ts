import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { command, escapeData, fileRecord } from '../../../src/runner/commands.js';
import { displayText, inert, inertLines } from '../../../src/runner/inert.js';
import { maskableLines, MIN_SECRET_LENGTH, SecretSet } from '../../../src/runner/mask.js';
import { createRunner } from '../../../src/runner/runner.js';

// The runner port byte for byte: the files it appends to, the commands it writes, and what it refuses.

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-port-'));
  const env: Record<string, string> = {};
  for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(dir, name.toLowerCase());
    writeFileSync(env[name], 'before\n');
  }
  const read = (name: string) => readFileSync(env[name] ?? '', 'utf8');
  return { env, read };
}

function port(env: Record<string, string> = {}) {
  const written: string[] = [];
  return { runner: createRunner(env, (text) => written.push(text)), written };
}

function failure(run: () => void): KeylessError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return error as KeylessError;
  }
  throw new Error('it did not throw');
}

const RECORD = /^before\n(\w+)<<(ghadelimiter_[a-z0-9]+)\n([^]*)\n\2\n$/;

describe('the runner files', () => {
  it.each([
    ['GITHUB_ENV', 'exportVariable'],
    ['GITHUB_OUTPUT', 'setOutput'],
    ['GITHUB_STATE', 'saveState'],
  ] as const)('%s gets one delimited record per %s, appended', (variable, method) => {
    const { env, read } = files();
    const { runner } = port(env);
    runner[method]('NAME', 'line one\nline two');
    const match = RECORD.exec(read(variable));
    expect(match?.slice(1, 4).filter((_, i) => i !== 1)).toEqual(['NAME', 'line one\nline two']);
    for (const other of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE'].filter((name) => name !== variable)) expect(read(other)).toBe('before\n');
  });

  it('closes each file it appends to', () => {
    if (process.platform !== 'linux') return;
    const { env } = files();
    const { runner } = port(env);
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 50; i++) {
      runner.exportVariable('A', 'x');
      runner.addPath('/opt/x');
      runner.appendSummary('x');
    }
    expect(open()).toBeLessThan(before + 10);
  });

  it('uses a fresh delimiter for each record', () => {
    const { env, read } = files();
    const { runner } = port(env);
    runner.exportVariable('A', 'x');
    runner.exportVariable('B', 'y');
    const delimiters = [...read('GITHUB_ENV').matchAll(/<<(ghadelimiter_\w+)\n/g)].map((m) => m[1]);
    expect(delimiters).toHaveLength(2);
    expect(delimiters[0]).not.toBe(delimiters[1]);
  });

  it.each([['GITHUB_ENV', 'exportVariable'], ['GITHUB_OUTPUT', 'setOutput'], ['GITHUB_STATE', 'saveState']] as const)('refuses to hand %s over when it is not set, or empty, saying how to run', (variable, method) => {
    for (const env of [{}, { [variable]: '' }]) {
      const error = failure(() => { port(env).runner[method]('NAME', 'v'); });
      expect(error.code).toBe('INPUT_INVALID');
      expect(error.message).toBe(`${variable} is not set, so NAME cannot be handed to the job`);
      expect(error.hint).toBe('run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)');
    }
  });

  it('adds a folder to GITHUB_PATH as one line, and nothing when the variable is unset', () => {
    const { env, read } = files();
    port(env).runner.addPath('/opt/tools/bin');
    expect(read('GITHUB_PATH')).toBe('before\n/opt/tools/bin\n');
    expect(() => { port({}).runner.addPath('/opt/tools/bin'); }).not.toThrow();
    expect(() => { port({ GITHUB_PATH: '' }).runner.addPath('/opt/tools/bin'); }).not.toThrow();
  });

  it.each([['a line feed', '/opt/a\n/evil'], ['a carriage return', '/opt/a\r/evil'], ['NUL', '/opt/a\0b']])('refuses a folder whose name holds %s', (_name, dir) => {
    const { env, read } = files();
    const error = failure(() => { port(env).runner.addPath(dir); });
    expect(error.message).toBe('a folder to add to PATH has a line break or NUL in its name');
    expect(error.hint).toBe('keep tools in folders whose names hold no control characters');
    expect(read('GITHUB_PATH')).toBe('before\n');
  });

  it('appends the summary with every secret redacted, and skips it when the variable is unset', () => {
    const { env, read } = files();
    const { runner } = port(env);
    runner.mask('secret-0123456789');
    runner.appendSummary('| a | secret-0123456789 |');
    expect(read('GITHUB_STEP_SUMMARY')).toBe('before\n| a | *** |\n');
    expect(() => { port({}).runner.appendSummary('x'); }).not.toThrow();
  });

  it('redacts on request, for text it writes elsewhere', () => {
    const { runner } = port();
    runner.mask('secret-0123456789');
    expect(runner.redact('a secret-0123456789 b')).toBe('a *** b');
  });
});

describe('the log lines', () => {
  it('writes info as one inert line', () => {
    const { runner, written } = port();
    runner.info('a\n::add-mask::x');
    runner.info(' ::add-mask::y');
    expect(written).toEqual(['a ::add-mask::x\n', ' \u00b7::add-mask::y\n']);
  });

  it('bounds a line at 4000 characters, saying how many more there were', () => {
    const { runner, written } = port();
    runner.info('x'.repeat(4000));
    runner.info('y'.repeat(4123));
    expect(written[0]).toBe(`${'x'.repeat(4000)}\n`);
    expect(written[1]).toBe(`${'y'.repeat(4000)}… (123 more characters)\n`);
  });

  it('writes warning and error annotations with inert properties, and files with /', () => {
    const { runner, written } = port();
    runner.warning('w', { title: 'T\nx', file: 'dir\\sub\\f.yml', line: 3 });
    runner.error('e');
    runner.error('e', { title: 'only' });
    const expectedFile = process.platform === 'win32' ? 'dir/sub/f.yml' : 'dir\\sub\\f.yml';
    expect(written).toEqual([`::warning title=T x,file=${expectedFile},line=3::w\n`, '::error::e\n', '::error title=only::e\n']);
  });

  it('opens and closes a group', () => {
    const { runner, written } = port();
    runner.group('Tools %\nx');
    runner.endGroup();
    expect(written).toEqual(['::group::Tools %25 x\n', '::endgroup::\n']);
  });

  it('announces each form of a secret once, escaped, and refuses one too short to mask', () => {
    const { runner, written } = port();
    runner.mask('first-line-000\nsecond-line-00');
    runner.mask('first-line-000\nsecond-line-00');
    expect(written).toEqual([
      '::add-mask::first-line-000%0Asecond-line-00\n',
      '::add-mask::first-line-000\n',
      '::add-mask::second-line-00\n',
      '::add-mask::first-line-000%250Asecond-line-00\n',
      '::add-mask::first-line-000\\nsecond-line-00\n',
    ]);
    const error = failure(() => { runner.mask('short'); });
    expect(error.code).toBe('HTTP_BAD_RESPONSE');
    expect(error.message).toBe('a secret value of 5 character(s) (or with a line that short) cannot be masked in the log, so it is refused');
    expect(error.hint).toBe(`the service answered with a credential shorter than ${MIN_SECRET_LENGTH} characters; report it to its operator`);
  });
});

describe('commands and records', () => {
  it('escapes %, CR and LF in data, and : and , in properties too', () => {
    expect(escapeData('100%\r\n')).toBe('100%25%0D%0A');
    expect(command('warning', 'a:b,c', { title: '1:2,3%\r\n' })).toBe('::warning title=1%3A2%2C3%25%0D%0A::a:b,c\n');
    expect(command('notice', 'm', { title: undefined, line: 0 } as never)).toBe('::notice line=0::m\n');
    expect(command('notice', 'm')).toBe('::notice::m\n');
  });

  it('writes a record as name<<delimiter, the value, the delimiter', () => {
    expect(fileRecord('N', '', 'D')).toBe('N<<D\n\nD\n');
    expect(fileRecord('N', 'a\r\nb', 'D')).toBe('N<<D\na\r\nb\nD\n');
  });

  it.each([[''], ['A=B'], ['A\nB'], ['A\rB'], ['A<<B']])('refuses the name %j', (name) => {
    expect(() => fileRecord(name, 'v', 'D')).toThrow(`refusing to write ${name}: its name is empty or holds a line break, = or <<, or its value contains the record delimiter`);
  });

  it('takes a name with a single <, and refuses a value that ends in CR', () => {
    expect(fileRecord('A<B', 'v', 'D')).toBe('A<B<<D\nv\nD\n');
    expect(() => fileRecord('N', 'v\r', 'D')).toThrow('refusing to write N: its value ends in CR, which a Windows runner would drop');
    expect(fileRecord('N', 'v\rx', 'D')).toBe('N<<D\nv\rx\nD\n');
  });
});

describe('secret forms', () => {
  it('lists a secret, its lines, its URL and JSON forms, each once and none shorter than 8', () => {
    expect(SecretSet.forms('abcdefgh')).toEqual(['abcdefgh']);
    expect(SecretSet.forms('line-one-x\r\nshort\r\n  \r\nline-three')).toEqual([
      'line-one-x\r\nshort\r\n  \r\nline-three',
      'line-one-x',
      'line-three',
      'line-one-x%0D%0Ashort%0D%0A%20%20%0D%0Aline-three',
      'line-one-x\\r\\nshort\\r\\n  \\r\\nline-three',
    ]);
    expect(SecretSet.forms('a\rbcdefghij')).toContain('bcdefghij');
  });

  it('leaves blank lines out, however long', () => {
    expect(SecretSet.forms('line-one-x\n          \nline-two-y')).not.toContain('          ');
    expect(SecretSet.unmaskable('long-first-line\n          \nlong-third-line')).toBe(false);
    expect(SecretSet.unmaskable('long-first-line\n   \nlong-third-line')).toBe(false);
  });

  it('calls a secret of spaces, or with a short line, unmaskable', () => {
    expect(SecretSet.unmaskable('        ')).toBe(true);
    expect(SecretSet.unmaskable('long-first-line\rab')).toBe(true);
    expect(SecretSet.unmaskable('long-first-line\n   x   ')).toBe(true);
    expect(SecretSet.unmaskable('long-first-line\n\nlong-second-line')).toBe(false);
  });

  it('redacts a secret that contains another as a whole', () => {
    const secrets = new SecretSet();
    secrets.add('abcdefgh-ijkl');
    secrets.add('abcdefgh');
    expect(secrets.redact('abcdefgh-ijkl abcdefgh')).toBe('*** ***');
  });

  it('keeps the maskable lines of a PEM key, without armour or short lines', () => {
    expect(maskableLines('-----BEGIN PRIVATE KEY-----\r\n  MIIEvQIBADANBgkq  \nabc\n-----END PRIVATE KEY-----\n')).toEqual(['MIIEvQIBADANBgkq']);
    expect(maskableLines('12345678\r1234567')).toEqual(['12345678']);
    // Armour is any line that starts with five dashes; a line that only ends with them is content.
    expect(maskableLines('-----not-armour-but-long\nabcdefgh-----')).toEqual(['abcdefgh-----']);
  });
});

describe('inert text', () => {
  it('turns breaks into one space, controls into U+FFFD, and defuses commands', () => {
    expect(inert('a\r\n\n\u2028b')).toBe('a b');
    expect(inert('a\u0007b\u001b[1m')).toBe('a\ufffdb\ufffd[1m');
    expect(inert('  ::x')).toBe('  \u00b7::x');
    expect(inert('a ::x')).toBe('a ::x');
    expect(inert('x##[y ##[z')).toBe('x#\u00b7#[y #\u00b7#[z');
    expect(inert('tab\there')).toBe('tab\there');
  });

  it('keeps the line ends of a report', () => {
    expect(inertLines('a\n::b\r\nc')).toBe('a\n\u00b7::b \nc');
  });

  it('bounds a display value, with tabs as spaces', () => {
    expect(displayText('a\tb')).toBe('a b');
    expect(displayText('x'.repeat(512))).toBe('x'.repeat(512));
    expect(displayText('x'.repeat(513))).toBe(`${'x'.repeat(512)}…`);
    expect(displayText('abcdef', 3)).toBe('abc…');
  });
});
