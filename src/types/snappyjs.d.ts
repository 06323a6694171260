declare module 'snappyjs' {
  /** Decompresses a raw (unframed) snappy block. */
  /** Throws when the block is malformed, or declares more than `maxLength` bytes (checked before allocating). */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
  export function compress(data: Uint8Array): Uint8Array;
}
