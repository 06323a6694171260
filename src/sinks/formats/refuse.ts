import { KeylessError } from '../../errors.js';

/** The one error of every format writer: names the field and the file, never the value. */
export function unwritable(field: string, file: string, expected: string): KeylessError {
  return new KeylessError('HTTP_BAD_RESPONSE', `${field} cannot be written into ${file}: it is not ${expected}`, {
    hint: 'the service answered a value no client could read back from that file; report it to its operator',
  });
}
