import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmrcConfig } from '../../../src/sinks/npmrc-config.js';

const OURS = '//registry.npmjs.org/:_authToken=npm_AbCdEf0123456789\n';

function home(npmrc?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-home-'));
  if (npmrc !== undefined) writeFileSync(join(dir, '.npmrc'), npmrc);
  return dir;
}

describe('.npmrc carried over from the job', () => {
  // The user config hid by NPM_CONFIG_USERCONFIG held the runner's hardening and a private scope: lost,
  // `npm ci` ran install scripts and took @acme packages from the public registry.
  it('keeps the earlier user config after the auth line, without its lines for the host logged in to', () => {
    const dir = home(
      [
        'ignore-scripts=true',
        'registry=https://mirror.acme.example/npm/',
        '@acme:registry=https://npm.pkg.github.com/',
        '//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}',
        '//registry.npmjs.org/:_authToken=${NODE_AUTH_TOKEN}',
        ' "//REGISTRY.npmjs.org/@acme/:_authToken" = npm_old',
        '//registry.npmjs.org/:always-auth=true',
        '[section]',
        'x=1',
      ].join('\r\n'),
    );
    expect(npmrcConfig([OURS], { HOME: dir })).toBe(
      `${OURS}ignore-scripts=true\nregistry=https://mirror.acme.example/npm/\n@acme:registry=https://npm.pkg.github.com/\n//npm.pkg.github.com/:_authToken=\${NODE_AUTH_TOKEN}\n[section]\nx=1\n`,
    );
  });

  it('reads the file npm reads: NPM_CONFIG_USERCONFIG in any case, else .npmrc in USERPROFILE on Windows and HOME elsewhere', () => {
    const unix = home('unix=1');
    const windows = home('windows=1');
    const named = join(home(), 'setup-node.npmrc');
    writeFileSync(named, 'named=1\n');
    expect(npmrcConfig([OURS], { HOME: unix, USERPROFILE: windows }, 'linux')).toBe(`${OURS}unix=1\n`);
    expect(npmrcConfig([OURS], { HOME: unix, USERPROFILE: windows }, 'win32')).toBe(`${OURS}windows=1\n`);
    expect(npmrcConfig([OURS], { HOME: unix, npm_config_userconfig: named })).toBe(`${OURS}named=1\n`);
    expect(npmrcConfig([OURS], { HOME: unix, NPM_CONFIG_USERCONFIG: '' })).toBe(`${OURS}unix=1\n`);
  });

  it('puts every entry\'s line first and drops the earlier lines of each host', () => {
    const other = '//npm.pkg.github.com/acme/:_authToken=ghs_AbCdEf0123456789\n';
    const dir = home('//npm.pkg.github.com/:_authToken=old\n//registry.npmjs.org/:_authToken=old\nkeep=1\n');
    expect(npmrcConfig([OURS, other], { HOME: dir })).toBe(`${OURS}${other}keep=1\n`);
  });
});

describe('.npmrc from a hostile earlier step', () => {
  it('ends a line at a lone CR, as npm does, so a line for the host cannot hide behind one', () => {
    const dir = home('keep=1\r//registry.npmjs.org/:_authToken=evil\n');
    expect(npmrcConfig([OURS], { HOME: dir })).toBe(`${OURS}keep=1\n`);
  });

  it('starts from nothing when the earlier config is a folder, too large, or a link to a device', () => {
    const dir = home();
    mkdirSync(join(dir, '.npmrc'));
    expect(npmrcConfig([OURS], { HOME: dir })).toBe(OURS);
    const large = home(`x=${'a'.repeat(2 << 20)}\n`);
    expect(npmrcConfig([OURS], { HOME: large })).toBe(OURS);
    const zero = home();
    symlinkSync('/dev/zero', join(zero, '.npmrc'));
    expect(npmrcConfig([OURS], { HOME: zero })).toBe(OURS);
  });

  it.runIf(process.platform !== 'win32')('does not hang on a FIFO', () => {
    const dir = home();
    execFileSync('mkfifo', [join(dir, '.npmrc')]);
    expect(npmrcConfig([OURS], { HOME: dir })).toBe(OURS);
  });

  it.runIf(existsSync('/proc/self/pagemap'))('reads no further than the limit from a file that never ends', () => {
    expect(npmrcConfig([OURS], { HOME: home(), NPM_CONFIG_USERCONFIG: '/proc/self/pagemap' })).toBe(OURS);
  });
});
