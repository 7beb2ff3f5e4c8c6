/** ICAO 9303 check digit. */
export function mrzCheck(text: string): string {
  const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  return String([...text].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3]!, 0) % 10);
}

/** The three MRZ lines (TD1) a 2021 CCCD carries, with every check digit right. */
export function cccdMrz(card: { personalId: string; birth: string; sex: 'M' | 'F'; expiry: string; name: string }): string[] {
  const id = card.personalId;
  const line1 = `IDVNM${id.slice(3)}${mrzCheck(id.slice(3))}${id}<<${mrzCheck(id)}`;
  const start = `${card.birth}${mrzCheck(card.birth)}${card.sex}${card.expiry}${mrzCheck(card.expiry)}VNM${'<'.repeat(11)}`;
  const composite = line1.slice(5, 30) + start.slice(0, 7) + start.slice(8, 15) + start.slice(18, 29);
  const line3 = card.name.padEnd(30, '<').slice(0, 30);
  return [line1, `${start}${mrzCheck(composite)}`, line3];
}
