import { inert } from '../runner/inert.js';
import type { AuditRecord, CleanupRecord, ExecRecord } from './record.js';

/**
 * A table cell from text that may come from a server or a token: redacted first (an escaped secret would
 * no longer match), made one inert line, with Markdown's own characters escaped so a principal cannot
 * become a link, an image, HTML or a new table row. GitHub also links bare `scheme://…` and `www.…` text,
 * which an escape in the middle breaks (`https\://`, `www\.`), and `name@host.tld`, which it finds after
 * joining the text back: a word joiner (U+2060, invisible) after an `@` that a host name follows keeps
 * that from being an address (`setup-node@v4` stays as it is).
 */
function cell(value: string | undefined, redact: Redact): string {
  return inert(redact(value ?? '—'))
    .replace(/[\\`[\]<>|]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@(?=[\w-]+\.[\w-])/g, '@\u2060');
}

/** Replaces every secret the step knows in a text with `***` (Runner.redact). */
export type Redact = (text: string) => string;

function table(header: string[], rows: (string | undefined)[][], redact: Redact): string {
  const line = (cells: (string | undefined)[]) => `| ${cells.map((c) => cell(c, redact)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The job-summary section the main step writes: who ran, and what was minted for whom. */
export function mainSummary(record: AuditRecord, redact: Redact): string {
  const { identity } = record;
  const who = table(
    ['repository', 'ref', 'sha', 'workflow', 'run'],
    [[identity.repository, identity.ref, identity.sha?.slice(0, 12), identity.job_workflow_ref ?? identity.workflow, identity.run_id]],
    redact,
  );
  const minted = table(
    ['entry', 'provider', 'principal / audience', 'scope', 'expires at', 'revocable'],
    record.credentials.map((c) => [c.id, c.from ? `${c.provider} ← ${c.from}` : c.provider, c.principal, c.scope, c.expiresAt, c.revocable ? 'at job end' : 'no (expires)']),
    redact,
  );
  const tools =
    record.tools.length === 0
      ? ''
      : `${table(
          ['tool', 'digest', 'signed by', 'issuer', 'log index'],
          record.tools.map((t) => [t.name, t.digest.slice(0, 19), t.identity ?? 'pinned key', t.issuer, t.tlogIndex]),
          redact,
        )}\n\n`;
  const chained = record.credentials.filter((c) => c.chain !== undefined);
  const chains =
    chained.length === 0
      ? ''
      : `\n**Built on other entries** (the principal of each hop, first to last):\n\n${table(['entry', 'chain'], chained.map((c) => [c.id, (c.chain ?? []).join(' → ')]), redact)}\n`;
  const credentials = record.credentials.length === 0 ? '' : `${minted}\n${chains}`;
  const pins =
    record.pins.length === 0
      ? ''
      : `\n**Not pinned to an immutable digest** (${record.pins.length}):\n\n${table(
          ['file', 'line', 'kind', 'reference'],
          record.pins.map((f) => [f.file, String(f.line), f.kind, f.ref]),
          redact,
        )}\n`;
  const stored = record.storedSecrets ?? [];
  const secrets =
    stored.length === 0
      ? ''
      : `\n**Stored secrets still read** (${stored.length}; \`keyless secrets\` prints what replaces each):\n\n${table(
          ['file', 'line', 'secret', 'kind'],
          stored.map((f) => [f.file, String(f.line), f.secret, f.kind]),
          redact,
        )}\n`;
  const deferred = record.exchanges.filter((e) => e.outcome === 'exec');
  const exec = deferred.length === 0 ? '' : `\n**Checked for \`keyless exec\`** (minted only for its command, revoked when it exits): ${deferred.map((e) => cell(e.id, redact)).join(', ')}\n`;
  return `### Keyless\n\n${who}\n\n${tools}${credentials}${exec}${pins}${secrets}`;
}

/** The section each `keyless exec` appends: the command (its argv[0] alone), what it got, from when to when, how it ended. */
export function execSummary(record: ExecRecord, redact: Redact): string {
  const status = `${record.exitStatus ?? 'not started'}${record.signal ? ` (${record.signal})` : ''}`;
  const run = table(['command', 'entries', 'minted', 'revoked / deleted', 'exit status'], [[record.command, record.entries.join(', '), record.mintedAt, record.cleanedAt, status]], redact);
  const rows = record.cleanup.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
  const results = rows.length === 0 ? '' : `\n\n${table(['entry', 'provider', 'result', 'expires at'], rows, redact)}`;
  return `### Keyless exec\n\n${run}${results}\n`;
}

/** The same, as one line for stderr outside GitHub Actions. */
export function execLine(record: ExecRecord): string {
  const status = `${record.exitStatus === undefined ? 'not started' : `exit ${record.exitStatus}`}${record.signal ? ` (${record.signal})` : ''}`;
  const results = record.cleanup.map((r) => `${r.id} ${r.status}`).join(', ');
  return `keyless exec: ${record.command}: ${record.entries.join(', ') || 'no entry'} minted ${record.mintedAt ?? '—'} → cleaned up ${record.cleanedAt ?? '—'}${results ? ` (${results})` : ''}; ${status}`;
}

/** The section the post step writes: what became of each credential. */
export function cleanupSummary(results: readonly CleanupRecord[], deleted: number, redact: Redact, gone = 0): string {
  const rows = results.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `revocation failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
  const body = rows.length > 0 ? table(['entry', 'provider', 'result', 'expires at'], rows, redact) : 'No credential was minted.';
  const goneNote = gone > 0 ? ` ${gone} ${gone === 1 ? 'was' : 'were'} already gone: moved or deleted after Keyless wrote ${gone === 1 ? 'it' : 'them'} (the step log names ${gone === 1 ? 'it' : 'them'}).` : '';
  return `### Keyless cleanup\n\n${body}\n\n${deleted} file(s) and folder(s) deleted.${goneNote}\n`;
}
