// RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits) for the tests, written apart from the server's own
// (Rust, totp-rs) so that each checks the other. `codeNear` waits out a step boundary, so that a
// code of the previous, current or next step is still in the server's window when it arrives.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(text) {
  let bits = '';
  for (const c of text.replace(/=+$/, '')) {
    bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

// The code of `secret` for time step `step`.
export function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

// The current step, once at least 3 s into it and 5 s before its end.
export async function settledStep() {
  for (;;) {
    const into = (Date.now() / 1000) % 30;
    if (into > 3 && into < 25) return Math.floor(Date.now() / 30000);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
