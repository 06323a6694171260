// The one place where text from outside (a server's answer, a token's claims, a workflow file, a path,
// step state) becomes log text. The runner reads stdout and stderr line by line and runs any line that
// starts with `::` (after trimming white space) or holds `##[` (the legacy form) as a workflow command:
// `::add-mask::`, `::save-state::`, `::stop-commands::`… So outside text must never end a line or start
// a command. Every line Keyless prints passes through `inert`.

// CR, LF, CRLF end a line for the runner; NEL, LS, PS, VT and FF do for log viewers and editors.
const BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// Other C0/C1 controls (ANSI escapes can repaint or hide a line) and bidi overrides (can disguise one).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One log line's worth of `text`: no line break, no control character, no workflow command. */
export function inert(text: string): string {
  return text
    .replace(BREAKS, ' ')
    .replace(CONTROLS, '\ufffd')
    .replace(/^(\s*):/, '$1\u00b7:')
    .replace(/##\[/g, '#\u00b7#[');
}

/** Text of many lines (a CLI report) made inert line by line; its own line ends are kept. */
export function inertLines(text: string): string {
  return text.split('\n').map(inert).join('\n');
}

/**
 * A display value from outside (a principal, a scope, a token type) as it may be shown, exported as an
 * output or recorded: one inert line of bounded length. A later step reads outputs through `${{ }}`,
 * where a line break would be script.
 */
export function displayText(text: string, max = 512): string {
  const line = inert(text).replace(/\t/g, ' ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
