import { randomInt } from "node:crypto";

/** Letters and digits nobody confuses when reading a code aloud or off a phone: no 0/O, 1/I/L. */
export const CHECK_IN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CHECK_IN_LENGTH = 6;

/** A fresh check-in code (31^6 ≈ 8.9 × 10^8 of them); uniqueness per occurrence is the caller's check. */
export function newCheckInCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < CHECK_IN_LENGTH; i++) code += CHECK_IN_ALPHABET[pick(CHECK_IN_ALPHABET.length)];
  return code;
}
