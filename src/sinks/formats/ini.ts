import { unwritable } from './refuse.js';

// The INI dialect the AWS CLI and SDKs read for shared credentials files. Each parser differs on quotes,
// inline comments and escapes, so a value may hold none of them: only a line break could start a new
// section (`[default]` with a `credential_process` the SDK runs), but the others would be read back
// differently by one SDK or another.

// `profile NAME` is how the AWS config file names every profile but `default`.
const SECTION = /^(profile )?[\w.-]{1,64}$/;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
// Printable ASCII but space and " # ' ; [ \ ].
const VALUE = /^[\x21\x24-\x26\x28-\x3a\x3c-\x5a\x5e-\x7e]{1,16384}$/;

/**
 * One `[name]` section of `key = value` lines, or an error naming the first field the format cannot hold.
 *
 * @example iniSection('deploy', { aws_access_key_id: 'ASIA…' }) // "[deploy]\naws_access_key_id = ASIA…\n"
 */
export function iniSection(name: string, entries: Readonly<Record<string, string>>, file: string): string {
  if (!SECTION.test(name)) throw unwritable('the section name', file, '1–64 characters of [A-Za-z0-9_.-], after "profile " in a config file');
  const lines = [`[${name}]`];
  for (const [key, value] of Object.entries(entries)) {
    if (!KEY.test(key)) throw unwritable('a key', file, 'a lower-case name of [a-z0-9_]');
    if (!iniCanHold(value)) throw unwritable(key, file, "printable ASCII without spaces, quotes, brackets, \\, ; or #, at most 16384 characters");
    lines.push(`${key} = ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Whether a value can be written as it is, read back alike by every AWS SDK's INI parser. */
export function iniCanHold(value: string): boolean {
  return VALUE.test(value);
}
