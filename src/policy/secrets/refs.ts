/** One `secrets.X` (or `secrets['X']`, or the whole context as `*`) and where it starts in the text read. */
export interface SecretRef {
  name: string;
  offset: number;
}

const REFERENCE = /(?<![\w.-])secrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/gi;
// A bare `secrets` (`toJSON(secrets)`, `secrets[matrix.name]`) reads every secret there is: reported as `*`.
const WHOLE = /(?<![\w.-])secrets\b(?!\s*(\.|\[\s*'))/gi;

/** Each `secrets.X` inside the expressions of `text` (the whole of `text` when it is a condition). */
export function secretRefs(text: string, condition = false): SecretRef[] {
  const found: SecretRef[] = [];
  const bodies = condition && !text.includes('${{') ? [{ body: text, at: 0 }] : expressions(text);
  for (const { body, at } of bodies) {
    for (const m of body.matchAll(REFERENCE)) {
      const name = m[1] ?? m[2] ?? '';
      if (name !== '') found.push({ name, offset: at + m.index });
    }
    // The word inside a string literal ('no secrets here') is text, not the context.
    const code = body.replace(/'(?:[^']|'')*'/g, (literal) => `'${' '.repeat(literal.length - 2)}'`);
    for (const m of code.matchAll(WHOLE)) found.push({ name: '*', offset: at + m.index });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * The body of each `${{ … }}`, found as GitHub's template reader finds it: a `}}` inside a single-quoted
 * string literal does not end the expression (`format('}}{0}', secrets.X)`), and `''`, the escaped quote,
 * flips twice and so stays inside. An expression never closed is, for GitHub, an invalid file: no body.
 * One pass over the text, whatever it holds.
 */
function expressions(text: string): { body: string; at: number }[] {
  const out: { body: string; at: number }[] = [];
  let open = text.indexOf('${{');
  while (open !== -1) {
    const at = open + 3;
    let quoted = false;
    let close = -1;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x27) quoted = !quoted;
      else if (!quoted && c === 0x7d && text.charCodeAt(i + 1) === 0x7d) {
        close = i;
        break;
      }
    }
    if (close === -1) break;
    out.push({ body: text.slice(at, close), at });
    open = text.indexOf('${{', close + 2);
  }
  return out;
}

/**
 * The references in a scalar's parsed `value`, which is what GitHub evaluates, each placed at its offset in
 * the scalar's `raw` source where the same name is found there; otherwise at 0, the scalar's start. A YAML
 * escape (`"\x24{{ secrets.X }}"`, `secr\u0065ts`, `\x7d}`) hides a reference from the source but not from
 * the value, and after unescaping its exact place is not knowable. A name seen only in the source is not
 * read by GitHub and is not reported.
 */
export function placedRefs(raw: string, value: string, condition: boolean): SecretRef[] {
  // Every reference, of a name or of the whole context, holds the word; most scalars do not.
  if (!/secrets/i.test(value)) return [];
  const refs = secretRefs(value, condition);
  if (raw === value || refs.length === 0) return refs;
  // Each source reference places at most one of the value's, in order.
  const inSource = new Map<string, { offsets: number[]; next: number }>();
  for (const ref of secretRefs(raw, condition)) {
    const key = ref.name.toLowerCase();
    const seen = inSource.get(key);
    if (seen) seen.offsets.push(ref.offset);
    else inSource.set(key, { offsets: [ref.offset], next: 0 });
  }
  const place = (name: string): number => {
    const seen = inSource.get(name.toLowerCase());
    return seen ? (seen.offsets[seen.next++] ?? 0) : 0;
  };
  return refs.map(({ name }) => ({ name, offset: place(name) })).sort((a, b) => a.offset - b.offset);
}
