import { KeylessError, renderError } from '../../errors.js';
import type { HttpClient } from '../../http/client.js';
import { parseUses } from './refs.js';
import { type ResolveDeps, resolveCommit, resolveDigest } from './resolve.js';
import type { Finding } from './scan.js';

export interface FixResult {
  text: string;
  fixed: { line: number; from: string; to: string }[];
  unresolved: { line: number; ref: string; reason: string }[];
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Rewrites each tag-pinned reference in place: `owner/repo@<sha> # <tag>` for actions and workflows,
 * `image:tag@sha256:<digest>` for images. Only the bytes of the reference change (and a comment is
 * added where the line has none): quoting, comments and layout stay as they were.
 */
export async function fixText(text: string, findings: readonly Finding[], deps: ResolveDeps & { http: HttpClient }): Promise<FixResult> {
  const result: FixResult = { text, fixed: [], unresolved: [] };
  const edits: Edit[] = [];
  const commented = new Set<number>();
  for (const finding of findings) {
    if (finding.offset === undefined || finding.dynamic || finding.kind === 'invalid-yaml' || finding.note) {
      result.unresolved.push({ line: finding.line, ref: finding.ref, reason: finding.dynamic ? 'set by an expression' : 'not a literal reference' });
      continue;
    }
    try {
      const to = await pinned(finding, deps);
      const [start, end] = finding.offset;
      const source = text.slice(start, end);
      const at = source.indexOf(finding.ref);
      if (at === -1) throw new KeylessError('INPUT_INVALID', 'the reference is not written literally at its position', { hint: 'pin it by hand' });
      edits.push({ start: start + at, end: start + at + finding.ref.length, replacement: to.value });
      // The tag stays readable as a comment, once per line, and never inside a block scalar.
      const eol = lineEnd(text, end);
      const block = /^[|>]/.test(source);
      if (to.comment && !block && !commented.has(eol) && !restOfLine(text, end).includes('#')) {
        commented.add(eol);
        edits.push({ start: eol, end: eol, replacement: ` # ${to.comment}` });
      }
      result.fixed.push({ line: finding.line, from: finding.ref, to: to.value });
    } catch (error) {
      result.unresolved.push({ line: finding.line, ref: finding.ref, reason: renderError(error) });
    }
  }
  // Right to left, so earlier offsets stay valid.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result.text = result.text.slice(0, edit.start) + edit.replacement + result.text.slice(edit.end);
  }
  return result;
}

async function pinned(finding: Finding, deps: ResolveDeps): Promise<{ value: string; comment?: string }> {
  const uses = parseUses(finding.ref);
  if (finding.kind === 'unpinned-uses' && uses.kind === 'repo' && uses.ref) {
    const sha = await resolveCommit(uses.owner, uses.repo, uses.ref, deps);
    return { value: `${finding.ref.slice(0, finding.ref.lastIndexOf('@'))}@${sha}`, comment: uses.ref };
  }
  const image = finding.ref.startsWith('docker://') ? finding.ref.slice('docker://'.length) : finding.ref;
  if (finding.kind === 'unpinned-image' && !image.includes('@')) {
    const digest = await resolveDigest(image, deps.http);
    return { value: `${finding.ref}@${digest}` };
  }
  throw new KeylessError('INPUT_INVALID', 'nothing to pin it to', { hint: 'pin it by hand' });
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function restOfLine(text: string, from: number): string {
  return text.slice(from, lineEnd(text, from));
}
