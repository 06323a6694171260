import { join } from 'node:path';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { describe, expect, it } from 'vitest';
import { decodeJwtSvidResponse, encodeJwtSvidRequest, ProtobufError, readFields } from '../../../src/oidc/spiffe/protobuf.js';

// Checked against @grpc/proto-loader (protobufjs) reading the published field numbers
// (test/fakes/spiffe/workload.proto): a wrong tag or wire type fails against an independent codec.
const definition = loadSync(join(import.meta.dirname, '../../fakes/spiffe/workload.proto'), { keepCase: true, defaults: false });
const method = (definition.SpiffeWorkloadAPI as Record<string, MethodDefinition<object, object>>).FetchJWTSVID as MethodDefinition<object, object>;
const Request = { decode: (bytes: Uint8Array) => method.requestDeserialize(Buffer.from(bytes)) };

describe('JWTSVIDRequest encoding', () => {
  it('encodes repeated audience = 1 and spiffe_id = 2 as protobufjs reads them', () => {
    const bytes = encodeJwtSvidRequest(['sts.amazonaws.com', 'https://vault.example.com'], 'spiffe://example.org/ci');
    expect(Request.decode(bytes)).toEqual({ audience: ['sts.amazonaws.com', 'https://vault.example.com'], spiffe_id: 'spiffe://example.org/ci' });
  });

  it('leaves an absent or empty spiffe_id off the wire, as proto3 does', () => {
    const bytes = encodeJwtSvidRequest(['a']);
    expect([...bytes]).toEqual([0x0a, 0x01, 0x61]);
    expect(encodeJwtSvidRequest(['a'], '')).toEqual(bytes);
  });

  it('writes a length of 128 bytes or more as a multi-byte varint', () => {
    const audience = 'x'.repeat(300);
    const bytes = encodeJwtSvidRequest([audience]);
    expect([...bytes.subarray(0, 3)]).toEqual([0x0a, 0xac, 0x02]);
    expect(Request.decode(bytes)).toEqual({ audience: [audience] });
  });
});

describe('JWTSVIDResponse decoding', () => {
  const encode = (value: object) => method.responseSerialize(value);

  it('reads every JWTSVID protobufjs wrote, in order', () => {
    const svids = [{ spiffe_id: 'spiffe://example.org/a', svid: 'h.p.s', hint: 'internal' }, { spiffe_id: 'spiffe://example.org/b', svid: 'h2.p2.s2', hint: '' }];
    expect(decodeJwtSvidResponse(encode({ svids }))).toEqual([
      { spiffeId: 'spiffe://example.org/a', svid: 'h.p.s', hint: 'internal' },
      { spiffeId: 'spiffe://example.org/b', svid: 'h2.p2.s2', hint: '' },
    ]);
    expect(decodeJwtSvidResponse(new Uint8Array())).toEqual([]);
  });

  it('skips fields it does not know, of every scalar wire type', () => {
    const inner = Buffer.from([0x0a, 0x01, 0x61, 0x12, 0x01, 0x62, 0x20, 0x96, 0x01, 0x29, 1, 2, 3, 4, 5, 6, 7, 8, 0x35, 1, 2, 3, 4]);
    const outer = Buffer.concat([Buffer.from([0x10, 0x01, 0x0a, inner.length]), inner, Buffer.from([0x1a, 0x00])]);
    expect(decodeJwtSvidResponse(outer)).toEqual([{ spiffeId: 'a', svid: 'b', hint: '' }]);
  });

  it.each([
    ['a varint cut short', [0x0a, 0x80]],
    ['a length past the end', [0x0a, 0x05, 0x01]],
    ['an eleven-byte varint', [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    ['a group (wire type 3)', [0x0b]],
    ['wire type 7', [0x0f]],
    ['field number 0', [0x02, 0x00]],
    ['svids as a varint', [0x08, 0x01]],
    ['svid as a varint inside JWTSVID', [0x0a, 0x02, 0x10, 0x01]],
    ['a fixed64 cut short', [0x09, 1, 2, 3]],
    ['a spiffe_id that is not UTF-8', [0x0a, 0x03, 0x0a, 0x01, 0xff]],
  ])('refuses %s with a ProtobufError', (_name, bytes) => {
    expect(() => decodeJwtSvidResponse(Uint8Array.from(bytes))).toThrow(ProtobufError);
  });

  it('never reads past a nested message into the next', () => {
    const fields = readFields(Uint8Array.from([0x0a, 0x02, 0x0a, 0x00, 0x0a, 0x00]));
    expect(fields.map((f) => [f.field, f.data?.length])).toEqual([[1, 2], [1, 0]]);
  });
});
