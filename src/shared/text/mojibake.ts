/**
 * UTF-8 text that was read as Windows-1252 ("Nguyá»…n"), as keyboard-mode scanners and misconfigured
 * tools produce it, and its repair when no byte was lost.
 */

/** Windows-1252's characters for bytes 0x80–0x9F (undefined bytes map to their C1 code point). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_BYTE = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

/** Sequences typical of UTF-8 Vietnamese read as Windows-1252 (lead bytes C3, C4, C6, E1 BA/BB). */
const MOJIBAKE = /Ã[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Ä[\u0080-\u00bf‘’]|Æ[°¯]|á[º»]/;

/** Whether text shows the marks of UTF-8 read as Windows-1252. */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

/** The text re-read as UTF-8 when every character maps back to a byte and the bytes are valid UTF-8; else null. */
export function repairMojibake(text: string): string | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = CP1252_BYTE.get(ch);
    if (high !== undefined) bytes.push(high);
    else if (code <= 0xff) bytes.push(code);
    else return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)).normalize('NFC');
  } catch {
    return null;
  }
}
