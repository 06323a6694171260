import { KeylessError } from '../errors.js';

export interface Problem {
  /** Where, as the user wrote it: `credentials[1].token-endpoint`. */
  at: string;
  line?: number | undefined;
  message: string;
}

/** Collects every problem in the configuration so the user fixes them in one round, not one per run. */
export class Problems {
  /** `prefix`: the file the problems are in, when that is not the workflow's input (`.github/keyless.yml: `). */
  constructor(
    readonly items: Problem[] = [],
    private readonly prefix = '',
  ) {}

  add(at: string, message: string, line?: number): void {
    this.items.push({ at: `${this.prefix}${at}`, line, message });
  }

  /** The same list, for problems found inside `file`. */
  in(file: string | undefined): Problems {
    return file === undefined ? this : new Problems(this.items, `${file}: `);
  }

  throwIfAny(): void {
    if (this.items.length === 0) return;
    const listed = this.items.map((p) => `${p.at}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`);
    throw new KeylessError('INPUT_INVALID', listed.join('; '), {
      hint: 'fix the input and re-run; see the README for every key and its form',
    });
  }
}

/** The closest known key, for "did you mean" on a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
