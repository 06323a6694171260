/**
 * Every failure a user can hit is a KeylessError with a stable `code`: tests and scripts switch on the
 * code, people read `message` (what happened) and `hint` (what to do). Rendering happens once, at the edge.
 * A list, not only a type, so the README's Errors table can be checked against it (test/unit/docs.test.ts).
 */
export const ERROR_CODES = [
  'INPUT_INVALID',
  'INPUT_TOO_LARGE',
  'OIDC_PERMISSION_MISSING',
  'OIDC_REQUEST_FAILED',
  'CLAIMS_REFUSED',
  'HTTP_INSECURE_URL',
  'HTTP_NETWORK',
  'HTTP_TIMEOUT',
  'HTTP_TOO_LARGE',
  'HTTP_STATUS',
  'HTTP_BAD_RESPONSE',
  'DISCOVERY_FAILED',
  'EXCHANGE_DENIED',
  'EXCHANGE_FAILED',
  'REVOKE_FAILED',
  'SIGNATURE_INVALID',
  'TOOL_UNVERIFIED',
  'POLICY_PIN_VIOLATION',
  'POLICY_SECRET_VIOLATION',
  'TRUST_ROOT_INVALID',
  'USAGE',
  'INCOMPLETE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetails {
  hint?: string;
  /** The provider and entry id the error belongs to, e.g. `rfc8693 "vault"`. */
  subject?: string;
  cause?: unknown;
}

export class KeylessError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KeylessError';
    this.code = code;
    this.hint = details.hint;
    this.subject = details.subject;
  }
}

/** The error, naming the entry it happened in: errors from shared layers learn their subject late. */
export function about(error: KeylessError, subject: string): KeylessError {
  if (error.subject !== undefined) return error;
  return new KeylessError(error.code, error.message, { subject, cause: error.cause, ...(error.hint === undefined ? {} : { hint: error.hint }) });
}

/** `[CODE] subject: what happened — what to do`, on one line. */
export function renderError(error: unknown): string {
  if (error instanceof KeylessError) {
    const subject = error.subject === undefined ? '' : `${error.subject}: `;
    const hint = error.hint === undefined ? '' : ` — ${error.hint}`;
    return oneLine(`[${error.code}] ${subject}${error.message}${hint}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(`[INTERNAL] ${message} — this is a Keyless bug; please report it with the step log`);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
