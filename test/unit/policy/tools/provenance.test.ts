import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { checkProvenance } from '../../../../src/policy/tools/provenance.js';
import type { ToolSpec } from '../../../../src/policy/tools/types.js';

// What a SLSA v1 provenance predicate must say for a tool's builder and source-repository policy.

const SLSA = 'https://slsa.dev/provenance/v1';
const tool = (extra: Partial<ToolSpec> = {}): ToolSpec => ({ name: 't', extract: 'none', addToPath: false, maxBytes: 1, maxExtractedBytes: 1, maxEntries: 1, timeoutMs: 1, extensions: {}, ...extra });
const predicate = (builder?: string, repository?: string) => ({ runDetails: { builder: { id: builder } }, buildDefinition: { externalParameters: { workflow: { repository } } } });
const signature = (predicateType: string | undefined, body: unknown) => ({ digest: 'sha256:x', ...(predicateType ? { predicateType } : {}), predicate: body });

function refusal(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    expect((error as KeylessError).code).toBe('TOOL_UNVERIFIED');
    return (error as KeylessError).message;
  }
  throw new Error('accepted');
}

describe('checkProvenance', () => {
  it('accepts what is not SLSA provenance when no builder is asked, even with a source-repository policy (the certificate checks that)', () => {
    expect(() => { checkProvenance(tool({ extensions: { 'source-repository': 'https://github.com/a/b' } }), signature(undefined, undefined)); }).not.toThrow();
    expect(() => { checkProvenance(tool(), signature('https://example.com/other', {})); }).not.toThrow();
  });

  it('refuses a builder policy on what is not SLSA provenance, saying what it is', () => {
    expect(refusal(() => { checkProvenance(tool({ builder: 'b' }), signature('https://example.com/other', {})); })).toBe('the attestation is https://example.com/other, not SLSA v1 provenance, so it names no builder');
    expect(refusal(() => { checkProvenance(tool({ builder: 'b' }), signature(undefined, undefined)); })).toBe('the attestation is not in-toto, not SLSA v1 provenance, so it names no builder');
  });

  it('accepts provenance whose builder and repository are the policy\'s, and any when the policy names none', () => {
    expect(() => { checkProvenance(tool({ builder: 'b', extensions: { 'source-repository': 'r' } }), signature(SLSA, predicate('b', 'r'))); }).not.toThrow();
    expect(() => { checkProvenance(tool(), signature(SLSA, predicate('x', 'y'))); }).not.toThrow();
    expect(() => { checkProvenance(tool(), signature(SLSA, {})); }).not.toThrow();
  });

  it('names every difference', () => {
    expect(refusal(() => { checkProvenance(tool({ builder: 'b', extensions: { 'source-repository': 'r' } }), signature(SLSA, predicate('b2', 'r2'))); })).toBe(
      'the SLSA provenance does not meet the policy: builder is "b2", policy wants "b"; source repository is "r2", policy wants "r"',
    );
    expect(refusal(() => { checkProvenance(tool({ extensions: { 'source-repository': 'r' } }), signature(SLSA, {})); })).toBe('the SLSA provenance does not meet the policy: source repository is undefined, policy wants "r"');
    expect(refusal(() => { checkProvenance(tool({ builder: 'b' }), signature(SLSA, { runDetails: {} })); })).toBe('the SLSA provenance does not meet the policy: builder is undefined, policy wants "b"');
    // A statement of the SLSA type without a predicate is refused for that, not with a TypeError.
    for (const body of [undefined, null, 'text']) expect(refusal(() => { checkProvenance(tool({ builder: 'b' }), signature(SLSA, body)); })).toBe('the SLSA provenance does not meet the policy: builder is undefined, policy wants "b"');
  });
});
