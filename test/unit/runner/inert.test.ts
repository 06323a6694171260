import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert, inertLines } from '../../../src/runner/inert.js';
import { createRunner } from '../../../src/runner/runner.js';

/** Lines as the runner splits a step's output: CR, LF or CRLF end a line. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);
/** What the runner would run as a workflow command: `::` after trimming, or the legacy `##[` anywhere. */
const isCommand = (line: string) => line.trim().startsWith('::') || line.includes('##[');

const PAYLOADS = ['\n::save-state name=keyless_999::{}', '\r::set-output name=x::y', '\r\n::error ::boom', '\u2028::add-mask::x', '\u0085::warning::x', '::stop-commands::t', '  ::debug::x', 'a ##[add-mask]b', '\u001b[2K\u001b[1Afake line', '\u202eevil'];

describe('inert', () => {
  it.each(PAYLOADS)('leaves no command, break or control character in %j', (payload) => {
    const line = inert(`✓ rfc8693 "deploy": ${payload} for x`);
    expect(runnerLines(line)).toHaveLength(1);
    expect(isCommand(line)).toBe(false);
    // eslint-disable-next-line no-control-regex -- control characters are what must be gone
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(isCommand(inert(payload))).toBe(false);
  });

  it('keeps ordinary text as it was', () => {
    expect(inert('✓ aws "deploy": AWS STS session for arn:aws:iam::123456789012:role/x → env AWS_REGION')).toBe(
      '✓ aws "deploy": AWS STS session for arn:aws:iam::123456789012:role/x → env AWS_REGION',
    );
  });

  it('makes any string one harmless line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const line = inert(text);
        expect(runnerLines(line)).toHaveLength(1);
        expect(isCommand(line)).toBe(false);
      }),
    );
  });

  it('keeps a report\'s own lines but makes each inert', () => {
    expect(inertLines('a\n::x::y\nb ##[z]\n')).toBe('a\n·::x::y\nb #·#[z]\n');
  });
});

describe('the runner port', () => {
  const run = () => {
    let out = '';
    const runner = createRunner({}, (text) => {
      out += text;
    });
    return { runner, out: () => out };
  };

  it.each(PAYLOADS)('prints info, warning, error and group lines with %j as text, never as a command', (payload) => {
    const { runner, out } = run();
    runner.info(`issued ${payload}`);
    runner.warning(`warned ${payload}`, { file: `.github/workflows/${payload}.yml`, title: payload });
    runner.error(`failed ${payload}`);
    runner.group(`group ${payload}`);
    runner.endGroup();
    const commands = runnerLines(out()).filter(isCommand).map((line) => /^::([a-z-]+)/.exec(line.trim())?.[1]);
    expect(commands).toEqual(['warning', 'error', 'group', 'endgroup']);
  });

  it('redacts a secret before flattening the line, so a multi-line secret is removed whole', () => {
    const { runner, out } = run();
    runner.mask('first-line-of-secret\nsecond-line-of-secret');
    runner.info('got first-line-of-secret\nsecond-line-of-secret here');
    expect(out().split('\n').filter((l) => !l.startsWith('::add-mask::'))).toEqual(['got *** here', '']);
  });

  it('refuses a secret too short to mask, naming neither it nor its lines', () => {
    const { runner, out } = run();
    expect(() => runner.mask('abc')).toThrow(expect.objectContaining({ code: 'HTTP_BAD_RESPONSE' }));
    expect(() => runner.mask('a-long-enough-line\nxy')).toThrow(/cannot be masked/);
    expect(out()).toBe('');
  });
});
