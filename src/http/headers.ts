// What a header a user or step state supplies may look like: a token for the name (RFC 9110 §5.1) and
// visible ASCII or spaces for the value, so neither can end the header or start another.

export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
export const HEADER_VALUE = /^[\x20-\x7e]{0,8192}$/;

/** PEM text as it is stored in step state: armoured blocks, bounded, no control character but line breaks. */
export const PEM_TEXT = /^-----BEGIN [A-Z0-9 ]{1,40}-----[A-Za-z0-9+/=:,\- \r\n]{1,65536}-----END [A-Z0-9 ]{1,40}-----\s*$/;
