/** PDF syntax is bytes: read as Latin-1 text, one character for each byte, offsets kept. */
export const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
