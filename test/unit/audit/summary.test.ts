import { describe, expect, it } from 'vitest';
import type { AuditRecord, ExecRecord } from '../../../src/audit/record.js';
import { cleanupSummary, execSummary, mainSummary } from '../../../src/audit/summary.js';

// A principal, scope or audience in the job summary comes from a server or a token. GitHub renders the
// summary as Markdown, which links bare `https://…`, `www.…` and `name@host.tld` text: a server's words
// must read as they are and link nowhere.

const summaryRow = (principal: string, scope: string, redact = (text: string) => text) => {
  const record: AuditRecord = {
    version: 1,
    identity: { repository: 'acme/widget' },
    tools: [],
    pins: [],
    exchanges: [],
    credentials: [{ id: 'vault', provider: 'vault', principal, scope, endpoint: 'https://vault.example.com', attempts: 1, fingerprint: 'sha256:0', exported: [], revocable: true }],
  };
  return mainSummary(record, redact).split('\n').find((line) => line.startsWith('| vault')) ?? '';
};

/** What GitHub shows of a cell: each backslash escape as the character it escapes. */
const shown = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

describe('job summary cells', () => {
  it('leave no bare URL, www. host or e-mail address for GitHub to link, and read as the server wrote them', () => {
    const principal = 'role ci (policies https://vault-login.attacker.example/reauth, mailto:ops@attacker.example, _www.attacker.example)';
    const row = summaryRow(principal, 'WWW.attacker.example');
    expect(row).not.toMatch(/[a-z]:\/\//i);
    expect(row).not.toMatch(/(^|[^\\])www\./i);
    // GitHub finds an address in the text as joined again, escapes undone: what follows @ must not be one.
    expect(shown(row)).not.toMatch(/@[A-Za-z0-9]/);
    expect(shown(row).replaceAll('\u2060', '')).toBe(`| vault | vault | ${principal} | WWW.attacker.example | — | at job end |`);
  });

  it('cannot open a link, an image, HTML or a new cell', () => {
    const row = summaryRow('[click](https://x.example) ![i](y) <img src=x> a|b `code`', '—');
    expect(row).toContain('\\[click\\](https\\://x.example) !\\[i\\](y) \\<img src=x\\> a\\|b \\`code\\`');
  });

  // The runner redacts the whole summary again as it writes it, but an escaped secret (p\@ss) would no
  // longer match: a secret a server echoes into a principal is replaced before any escaping.
  it('replaces a secret before escaping it', () => {
    const secret = 'p@ss|w0rd-[secret]';
    const row = summaryRow(`role ci (${secret})`, '—', (text) => text.replaceAll(secret, '***'));
    expect(row).toContain('role ci (***)');
    expect(row).not.toContain('w0rd');
  });

  it("replaces a secret before escaping it in post's and keyless exec's tables too", () => {
    const secret = 'p@ss|w0rd-[secret]';
    const redact = (text: string) => text.replaceAll(secret, '***');
    const failed = { id: 'vault', provider: 'vault', status: 'failed', detail: `the server answered: token ${secret} unknown` } as const;
    const exec: ExecRecord = { version: 1, command: `deploy --password=${secret}`, identity: {}, tools: [], entries: ['vault'], exchanges: [], credentials: [], cleanup: [failed] };
    for (const table of [cleanupSummary([failed], 0, redact), execSummary(exec, redact)]) {
      expect(table).toContain('token *** unknown');
      expect(table).not.toContain('w0rd');
    }
  });
});
