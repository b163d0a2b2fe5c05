import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer can emit NUL bytes where a multi-byte character (most Chinese text)
 * meets the edge of its 2 KB write buffer (facebook/react#24985; fixed only in React 19). No page of
 * ours may contain a NUL — PostgreSQL text cannot hold one and HTML forbids it — so they are dropped.
 */
export function stripNul(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? withoutNul(chunk) : chunk);
    },
  });
}

export function withoutNul(chunk: Buffer): Buffer {
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  for (const byte of chunk) if (byte !== 0) out[length++] = byte;
  return out.subarray(0, length);
}
