import { describe, expect, it } from 'vitest';
import { createRunner, type Runner } from '../../../src/runner/runner.js';

// The runner port is the one way out to the job log: every line it writes has each registered secret
// replaced, whatever the runner would mask afterwards (a log viewer, a copied raw log, a runner that has
// not seen the add-mask line yet must find nothing to hide).

const SECRET = 'tok-3f9a1c27e4b8d605';
/** A secret whose line break inert() would flatten: it must be replaced before it is made one line. */
const MULTILINE = 'first-line-of-a-key\nsecond-line-of-key';

function port(): { runner: Runner; out: () => string[] } {
  const written: string[] = [];
  const runner = createRunner({}, (text) => written.push(text));
  return { runner, out: () => written.join('').split('\n').filter((line) => line !== '' && !line.startsWith('::add-mask::')) };
}

describe('the runner port redacts every line it writes', () => {
  it.each([
    ['info', (r: Runner, text: string) => { r.info(text); }],
    ['warning', (r: Runner, text: string) => { r.warning(text); }],
    ['error', (r: Runner, text: string) => { r.error(text); }],
    ['group', (r: Runner, text: string) => { r.group(text); }],
  ] as const)('%s', (_name, say) => {
    const { runner, out } = port();
    runner.mask(SECRET);
    say(runner, `the server said: ${SECRET} is not valid`);
    expect(out()).toHaveLength(1);
    expect(out()[0]).toContain('the server said: *** is not valid');
    expect(out().join('\n')).not.toContain(SECRET);
  });

  it('annotation properties', () => {
    const { runner, out } = port();
    runner.mask(SECRET);
    runner.warning('message', { title: `title ${SECRET}`, file: `dir/${SECRET}.yml` });
    expect(out()).toEqual(['::warning title=title ***,file=dir/***.yml::message']);
  });

  it('a multi-line secret as a whole, before its line break is flattened', () => {
    const { runner, out } = port();
    runner.mask(MULTILINE);
    runner.error(`key: ${MULTILINE} (rejected)`);
    expect(out()).toEqual(['::error::key: *** (rejected)']);
  });

  it('the URL-encoded form a server may echo from a form body', () => {
    const { runner, out } = port();
    const secret = 'a+b/c=d&e-f0123456';
    runner.mask(secret);
    runner.info(`body was token=${encodeURIComponent(secret)}`);
    expect(out()).toEqual(['body was token=***']);
  });

  it('redacts only registered secrets, leaving other text as it was', () => {
    const { runner, out } = port();
    runner.info(`nothing registered: ${SECRET}`);
    expect(out()).toEqual([`nothing registered: ${SECRET}`]);
  });

  it('announces the secret with add-mask before it could appear in any line', () => {
    const written: string[] = [];
    const runner = createRunner({}, (text) => written.push(text));
    runner.mask(SECRET);
    runner.info(SECRET);
    expect(written).toEqual([`::add-mask::${SECRET}\n`, '***\n']);
  });
});
