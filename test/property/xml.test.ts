import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../src/errors.js';
import type { HttpClient } from '../../src/http/client.js';
import { childAt, parseXml, XmlError } from '../../src/http/xml.js';
import { callSts } from '../../src/providers/aws-sts.js';
import { toXml } from '../fakes/aws-sts.js';

// The XML reader and the STS answers built on it: any text is read or refused with an XmlError (never
// another exception), text escaped as AWS escapes it reads back unchanged, and an STS answer of any shape
// ends in a session or a KeylessError.

const fragments = fc.constantFrom('<', '>', '</', '/>', '&', ';', '&amp;', '&#', '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', '<!DOCTYPE', '"', "'", '=', 'a', 'b:c', ' ', '\n');
const soup = fc.array(fc.oneof(fragments, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('XML from a server', () => {
  it('is read, or refused with an XmlError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), soup), (text) => {
        try {
          parseXml(text);
        } catch (error) {
          expect(error).toBeInstanceOf(XmlError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any text escaped as STS escapes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(childAt(parseXml(toXml({ A: { B: text } })), 'B')?.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('makes every STS answer a session or a KeylessError', async () => {
    const leaf = fc.oneof(fc.string(), fc.constantFrom('ASIAIOSFODNN7EXAMPLE', '2030-01-01T00:00:00Z', 'arn:aws:sts::123456789012:assumed-role/r/s', ''));
    const credentials = fc.record({ AccessKeyId: leaf, SecretAccessKey: leaf, SessionToken: leaf, Expiration: leaf }, { requiredKeys: [] });
    const answer = fc.oneof(
      soup,
      fc.record({ Credentials: credentials, AssumedRoleUser: fc.record({ Arn: leaf }, { requiredKeys: [] }) }, { requiredKeys: [] }).map((result) => toXml({ AssumeRoleResponse: { AssumeRoleResult: result } })),
    );
    await fc.assert(
      fc.asyncProperty(answer, fc.constantFrom(200, 400, 403, 500), fc.constantFrom('text/xml', 'application/json', ''), async (body, status, type) => {
        const http: HttpClient = { request: () => Promise.resolve({ status, headers: type ? { 'content-type': type } : {}, body, bytes: Buffer.from(body), attempts: 1 }) };
        const refused = () => new KeylessError('EXCHANGE_FAILED', 'refused');
        try {
          await callSts({ http, mask: () => undefined }, { url: new URL('https://sts.example.com/'), action: 'AssumeRole', params: new URLSearchParams() }, refused);
        } catch (error) {
          expect(error).toBeInstanceOf(KeylessError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
