/**
 * Keyboard-mode scanners type their scan as a burst of keystrokes ending in Enter; a person types
 * far slower. A burst is a scan when its keys come, on average and almost always, faster than a
 * person can type.
 */

/** Average gap between keystrokes below which a burst is a scanner's, in milliseconds. */
export const SCANNER_KEY_GAP_MS = 35;
export const MIN_SCAN_LENGTH = 8;

/** Whether keystroke times (ms) of one burst, Enter excluded, look like a scanner's. */
export function isScannerBurst(times: readonly number[]): boolean {
  if (times.length < MIN_SCAN_LENGTH) return false;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const average = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const slow = gaps.filter((g) => g > SCANNER_KEY_GAP_MS * 3).length;
  return average < SCANNER_KEY_GAP_MS && slow <= gaps.length / 20;
}
