declare module 'snappyjs' {
  /** Decompresses a raw (unframed) snappy block. */
  export function uncompress(compressed: Uint8Array): Uint8Array;
  export function compress(data: Uint8Array): Uint8Array;
}
