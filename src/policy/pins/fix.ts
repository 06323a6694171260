import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
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
 * added where the line has none and it changes no value): quoting, comments and layout stay as they were.
 */
export async function fixText(text: string, findings: readonly Finding[], deps: ResolveDeps & { http: HttpClient }): Promise<FixResult> {
  const result: FixResult = { text, fixed: [], unresolved: [] };
  const edits: Edit[] = [];
  const comments: Edit[] = [];
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
        comments.push({ start: eol, end: eol, replacement: ` # ${to.comment}` });
      }
      result.fixed.push({ line: finding.line, from: finding.ref, to: to.value });
    } catch (error) {
      result.unresolved.push({ line: finding.line, ref: finding.ref, reason: renderError(error) });
    }
  }
  const pinnedText = apply(text, edits);
  result.text = pinnedText;
  if (comments.length === 0) return result;
  // The end of a line can lie inside a flow collection or a quoted scalar that goes on below, where
  // ` # tag` would become part of another value. The comments stay only if no value changed.
  const withComments = apply(text, [...edits, ...comments]);
  const expected = values(pinnedText);
  if (expected !== undefined && expected === values(withComments)) result.text = withComments;
  return result;
}

function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  // Right to left, so earlier offsets stay valid.
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
  return out;
}

/** Every document's keys, values, anchors and aliases in order, comments left out; undefined for a YAML error. */
function values(text: string): string | undefined {
  const out: string[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (doc.errors.length > 0) return undefined;
    shape(doc.contents, out);
  }
  return JSON.stringify(out);
}

/** Aliases are kept as written, not expanded: a file of nested aliases stays linear here. */
function shape(node: unknown, out: string[]): void {
  if (isAlias(node)) out.push(`*${node.source}`);
  else if (isScalar(node)) out.push(`${node.anchor ?? ''}=${node.tag ?? ''}:${typeof node.value}:${String(node.value)}`);
  else if (isMap(node) || isSeq(node)) {
    out.push(`${isMap(node) ? '{' : '['}${node.anchor ?? ''}${node.tag ?? ''}`);
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        shape(item.key, out);
        shape(item.value, out);
      } else shape(item, out);
    }
    out.push(isMap(node) ? '}' : ']');
  } else out.push('~');
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

/** Before `\r\n`, `\n` or a lone `\r` (which YAML also takes for a line break). */
function lineEnd(text: string, from: number): number {
  const next = /[\r\n]/g;
  next.lastIndex = from;
  return next.exec(text)?.index ?? text.length;
}

function restOfLine(text: string, from: number): string {
  return text.slice(from, lineEnd(text, from));
}
