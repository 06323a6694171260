import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { iniCanHold, iniSection } from '../../../../src/sinks/formats/ini.js';

const FILE = 'the AWS shared credentials file';
const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof KeylessError ? error : undefined;
  }
  return undefined;
};

describe('INI writer', () => {
  it('writes a section of key = value lines for real AWS credentials', () => {
    const session = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ${'A'.repeat(900)}+/=`;
    expect(iniSection('prod', { aws_access_key_id: 'ASIAIOSFODNN7EXAMPLE', aws_session_token: session }, FILE)).toBe(
      `[prod]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_session_token = ${session}\n`,
    );
  });

  it.each([
    ['a line feed', 'tok\n[default]\ncredential_process = sh -c "x"'],
    ['a carriage return', 'tok\r[default]'],
    ['a NUL', 'tok\u0000x'],
    ['a space', 'tok x'],
    ['a bracket', 'tok[default]'],
    ['a double quote', 'tok"x'],
    ['a single quote', "tok'x"],
    ['a comment sign', 'tok;x'],
    ['a hash', 'tok#x'],
    ['a backslash', 'tok\\n'],
    ['a non-ASCII letter', 'toké'],
    ['nothing', ''],
    ['16385 characters', 'A'.repeat(16_385)],
  ])('refuses a value with %s, naming the key and never the value', (_name, value) => {
    const error = refused(() => iniSection('prod', { aws_session_token: value }, FILE));
    expect(error?.code).toBe('HTTP_BAD_RESPONSE');
    expect(error?.message).toContain(`aws_session_token cannot be written into ${FILE}`);
    if (value.length > 3) expect(error?.message).not.toContain(value);
  });

  it('writes a config file profile as [profile NAME], and a path with / and a drive letter', () => {
    expect(iniSection('profile prod', { region: 'eu-west-1', web_identity_token_file: 'D:/a/_temp/keyless-x/token' }, 'the AWS config file')).toBe(
      '[profile prod]\nregion = eu-west-1\nweb_identity_token_file = D:/a/_temp/keyless-x/token\n',
    );
    expect(iniCanHold('/home/runner/work/_temp/keyless-Ab1/aws-web-identity-token')).toBe(true);
    expect(iniCanHold('D:\\a\\_temp')).toBe(false);
    expect(iniCanHold('/tmp/runner temp/x')).toBe(false);
  });

  it.each([['prod]\n[default'], ['a b'], ['[x'], ['x=y'], [''], ['profile  prod'], ['profile a b'], ['Profile prod']])('refuses the section name %j', (name) => {
    expect(refused(() => iniSection(name, {}, FILE))?.code).toBe('HTTP_BAD_RESPONSE');
  });

  it.each([['aws=x'], ['Key'], ['a key'], ['a\nb']])('refuses the key %j', (key) => {
    expect(refused(() => iniSection('prod', { [key]: 'value' }, FILE))?.message).toContain('a key cannot be written');
  });
});
