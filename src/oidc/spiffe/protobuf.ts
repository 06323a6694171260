// The few protobuf messages of the SPIFFE Workload API that Keyless speaks, by hand: two string fields
// out, three in. Wire format per protobuf's encoding guide; a generated codec would pull protobufjs
// (and its reflection) onto the start path of every run that asks for a JWT-SVID.

const LEN = 2;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JWTSVIDRequest { repeated string audience = 1; string spiffe_id = 2; } */
export function encodeJwtSvidRequest(audiences: readonly string[], spiffeId?: string): Uint8Array {
  const parts: Uint8Array[] = audiences.map((audience) => stringField(1, audience));
  // proto3 leaves a field at its default (empty) off the wire.
  if (spiffeId !== undefined && spiffeId !== '') parts.push(stringField(2, spiffeId));
  return Buffer.concat(parts);
}

export interface JwtSvid {
  spiffeId: string;
  svid: string;
  hint: string;
}

/** JWTSVIDResponse { repeated JWTSVID svids = 1; } with JWTSVID { string spiffe_id = 1; string svid = 2; string hint = 3; } */
export function decodeJwtSvidResponse(bytes: Uint8Array): JwtSvid[] {
  return readFields(bytes)
    .filter(({ field }) => field === 1)
    .map(({ data }) => {
      const svid: JwtSvid = { spiffeId: '', svid: '', hint: '' };
      for (const { field, data: value } of readFields(expectBytes(data, 'JWTSVIDResponse.svids'))) {
        // A later occurrence of a singular field wins, as in every protobuf parser.
        if (field === 1) svid.spiffeId = text(value, 'JWTSVID.spiffe_id');
        else if (field === 2) svid.svid = text(value, 'JWTSVID.svid');
        else if (field === 3) svid.hint = text(value, 'JWTSVID.hint');
      }
      return svid;
    });
}

export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
}

interface Field {
  field: number;
  /** The payload of a length-delimited field; undefined for a scalar (which this codec only skips). */
  data: Uint8Array | undefined;
}

/** Every field of one message, length-delimited payloads sliced out, others skipped; refuses anything truncated or malformed. */
export function readFields(bytes: Uint8Array): Field[] {
  const fields: Field[] = [];
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (at >= bytes.length) throw new ProtobufError('a varint runs past the end of the message');
      const byte = bytes[at++] as number;
      // Beyond 2^53 a length or tag cannot be real; its low bits are all that matter for a skipped scalar.
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    throw new ProtobufError('a varint is longer than 10 bytes');
  };
  const skip = (n: number) => {
    if (n > bytes.length - at) throw new ProtobufError('a field runs past the end of the message');
    at += n;
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0 || field > 0x1fffffff) throw new ProtobufError(`field number ${field} is not valid`);
    if (wire === LEN) {
      const length = varint();
      const start = at;
      skip(length);
      fields.push({ field, data: bytes.subarray(start, at) });
    } else if (wire === 0) {
      varint();
      fields.push({ field, data: undefined });
    } else if (wire === 1 || wire === 5) {
      skip(wire === 1 ? 8 : 4);
      fields.push({ field, data: undefined });
    } else {
      // 3 and 4 are the deprecated groups, 6 and 7 do not exist: none belongs in these messages.
      throw new ProtobufError(`wire type ${wire} (field ${field}) is not one these messages use`);
    }
  }
  return fields;
}

function expectBytes(data: Uint8Array | undefined, name: string): Uint8Array {
  if (data === undefined) throw new ProtobufError(`${name} is not length-delimited`);
  return data;
}

function text(data: Uint8Array | undefined, name: string): string {
  try {
    return utf8.decode(expectBytes(data, name));
  } catch (error) {
    if (error instanceof ProtobufError) throw error;
    throw new ProtobufError(`${name} is not valid UTF-8`);
  }
}

function stringField(field: number, value: string): Uint8Array {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([encodeVarint(field * 8 + LEN), encodeVarint(bytes.length), bytes]);
}

function encodeVarint(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
}
