/**
 * The set of secret strings this run has seen. Every one is announced to the runner with `add-mask`
 * before it is used anywhere, and `redact` removes them from text the runner does not mask itself
 * (the job summary, files, error messages built from server replies).
 */
export class SecretSet {
  readonly #values = new Set<string>();

  /** The forms to mask for one secret: itself, each of its lines, and its URL- and JSON-escaped forms. */
  static forms(secret: string): string[] {
    const forms = new Set<string>([secret]);
    for (const line of secret.split(/\r?\n/)) if (line.trim() !== '') forms.add(line);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
    return [...forms].filter((form) => form.length >= 4);
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
