import { describe, expect, it } from 'vitest';
import { childAt, parseXml, XmlError } from '../../../src/http/xml.js';

// The XML of AWS query APIs, and nothing a reader could be tricked by: every refusal is an XmlError,
// never a document read differently from how AWS's own SDKs read it.

const STS = `<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <!-- a comment -->
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <Expiration>2026-01-01T01:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/deploy/s</Arn><AssumedRoleId/></AssumedRoleUser>
  </AssumeRoleResult>
</AssumeRoleResponse>
`;

function refusal(text: string): string {
  try {
    parseXml(text);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlError);
    return (error as Error).message;
  }
  throw new Error('expected the document to be refused');
}

describe('parseXml', () => {
  it('reads an STS answer: declaration, namespace, indentation, comments and empty elements', () => {
    const root = parseXml(STS);
    expect(root.name).toBe('AssumeRoleResponse');
    expect(childAt(root, 'AssumeRoleResult', 'Credentials', 'SecretAccessKey')?.text).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY');
    expect(childAt(root, 'AssumeRoleResult', 'AssumedRoleUser', 'Arn')?.text).toBe('arn:aws:sts::123456789012:assumed-role/deploy/s');
    expect(childAt(root, 'AssumeRoleResult', 'AssumedRoleUser', 'AssumedRoleId')?.text).toBe('');
    expect(childAt(root, 'AssumeRoleResult', 'Missing', 'Arn')).toBeUndefined();
  });

  it('decodes the predefined entities and character references, and keeps CDATA as it is', () => {
    const root = parseXml('\uFEFF<a><b>x &lt;&amp;&gt; &quot;&apos; &#65;&#x42;</b><c><![CDATA[<not> &amp; a tag]]></c></a>');
    expect(childAt(root, 'b')?.text).toBe('x <&> "\' AB');
    expect(childAt(root, 'c')?.text).toBe('<not> &amp; a tag');
  });

  it('drops a namespace prefix from names, and ignores attributes', () => {
    const root = parseXml('<s:Envelope xmlns:s="urn:x" a=\'1\'><s:Body id="2">v</s:Body></s:Envelope>');
    expect(root.name).toBe('Envelope');
    expect(childAt(root, 'Body')?.text).toBe('v');
  });

  it.each([
    ['a DOCTYPE (and with it entity definitions)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'a DOCTYPE'],
    ['an entity that is not predefined', '<a>&x;</a>', 'an entity that is neither predefined'],
    ['a character reference to a surrogate', '<a>&#xD800;</a>', 'an entity that is neither predefined'],
    ['a character reference to NUL', '<a>&#0;</a>', 'an entity that is neither predefined'],
    ['a bare ampersand', '<a>x & y</a>', 'a bare &'],
    ['a mismatched end tag', '<a><b>x</c></a>', 'does not close <b>'],
    ['an element never closed', '<a><b>x</b>', '<a> is never closed'],
    ['a second root element', '<a/><b/>', 'content after the root element'],
    ['text before the root', 'x<a/>', 'text where an element was expected'],
    ['a processing instruction inside', '<a><?php x ?></a>', 'a processing instruction or declaration'],
    ['a malformed start tag', '<a b>x</a>', 'a malformed start tag <a>'],
    ['an unterminated comment', '<a><!-- x </a>', 'an unterminated comment'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>', 'an unterminated CDATA section'],
    ['a tag without a name', '<a>< b/></a>', 'a tag without a valid name'],
    ['nesting deeper than 32', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`, 'nested deeper than 32'],
    ['an empty document', '', 'text where an element was expected'],
  ])('refuses %s', (_name, text, message) => {
    expect(refusal(text)).toContain(message);
  });
});
