/**
 * The set of secret strings this run has seen. Every one is announced to the runner with `add-mask`
 * before it is used anywhere, and `redact` removes them from text the runner does not mask itself
 * (the job summary, files, error messages built from server replies).
 */
/**
 * The shortest secret, and the shortest line of a multi-line one, that can be masked: the runner blanks
 * every occurrence of a masked string, so a short one would blank common text, and a short line of a
 * multi-line secret would show in the log. No issuer mints credentials this short.
 */
export const MIN_SECRET_LENGTH = 8;

export class SecretSet {
  readonly #values = new Set<string>();

  /** The forms to mask for one secret: itself, each of its lines, and its URL- and JSON-escaped forms. */
  static forms(secret: string): string[] {
    const forms = new Set<string>([secret]);
    for (const line of secret.split(/\r\n|\r|\n/)) if (line.trim() !== '') forms.add(line);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
    return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
  }

  /** True when the secret, or a line of it, is too short to be masked (see MIN_SECRET_LENGTH). */
  static unmaskable(secret: string): boolean {
    return secret.split(/\r\n|\r|\n/).some((line) => line.trim().length < MIN_SECRET_LENGTH && (line.trim() !== '' || secret.trim() === ''));
  }

  /** Adds the secret; returns the forms that were new, which the caller must announce. */
  add(secret: string): string[] {
    const added = SecretSet.forms(secret).filter((form) => !this.#values.has(form));
    for (const form of added) this.#values.add(form);
    return added;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const value of [...this.#values].sort((a, b) => b.length - a.length)) out = out.split(value).join('***');
    return out;
  }
}

/**
 * The lines of a PEM private key (or any multi-line secret that is configuration, not a credential handed
 * out) that can be masked on their own: each long enough, armour lines left out, since those are the same
 * in every key. A short last line of base64 stays unmasked: it is never printed, and masking it would
 * blank ordinary log text.
 */
export function maskableLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line.length >= MIN_SECRET_LENGTH && !line.startsWith('-----'));
}
