/**
 * Hostile workbooks (issue 19), written by the tests themselves as raw zip and XML, a piece at a
 * time: 12 million numeric cells in about 30 MB, one 100 MB cell in about 100 kB.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const encoder = new TextEncoder();

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Writes a one-sheet workbook whose parts come from generators of text: each part deflated by zlib
 * a megabyte at a time (independent blocks, sync-flushed, the last one final), the zip by hand.
 */
function writeWorkbook(file: string, parts: Readonly<Record<string, () => Iterable<string>>>, level: number): void {
  const fd = openSync(file, 'w');
  let offset = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    offset += bytes.length;
  };
  const central: Buffer[] = [];
  const add = (name: string, texts: Iterable<string>) => {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0808, 6); // sizes in a data descriptor; UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    const at = offset;
    write(local);
    write(nameBytes);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = (text: string, final: boolean) => {
      const bytes = encoder.encode(text);
      crc = crc32(bytes, crc);
      size += bytes.length;
      const out = deflateRawSync(bytes, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
      compressed += out.length;
      write(out);
    };
    let pending = '';
    for (const text of texts) {
      pending += text;
      if (pending.length >= 1 << 20) {
        deflate(pending, false);
        pending = '';
      }
    }
    deflate(pending, true);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    write(descriptor);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0808, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(at, 42);
    central.push(entry, nameBytes);
  };
  add('[Content_Types].xml', [CONTENT_TYPES]);
  add('_rels/.rels', [ROOT_RELS]);
  add('xl/workbook.xml', [WORKBOOK]);
  add('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]);
  for (const [name, texts] of Object.entries(parts)) add(name, texts());
  const directoryAt = offset;
  const directory = Buffer.concat(central);
  write(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  write(end);
  closeSync(fd);
}

function* sharedStrings(strings: readonly string[]): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">`;
  for (const s of strings) yield `<si><t>${s}</t></si>`;
  yield '</sst>';
}

/**
 * `rows` × `columns` numeric cells under a header row of `titles` (shared strings): with an
 * extract's or a list's titles the header is found, and every row under it must be read.
 */
export function numericCellsWorkbook(file: string, rows: number, columns: number, titles: readonly string[]): void {
  const letters = Array.from({ length: columns }, (_, i) => column(i));
  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row r="1">${titles.map((_, i) => `<c r="${letters[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    for (let r = 2; r <= rows; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < columns; c++) row += `<c r="${letters[c]}${r}"><v>${(r + c) % 10}</v></c>`;
      yield `${row}</row>`;
    }
    yield '</sheetData></worksheet>';
  }
  writeWorkbook(file, { 'xl/sharedStrings.xml': () => sharedStrings(titles), 'xl/worksheets/sheet1.xml': sheet }, 6);
}

/** A workbook whose row 2 holds, in its name column, one cell of `length` characters. */
export function hugeCellWorkbook(file: string, length: number, titles: readonly string[], row: readonly string[]): void {
  function* strings(): Generator<string> {
    yield* [...sharedStrings(titles)].slice(0, -1);
    yield '<si><t>';
    const piece = 'A'.repeat(1 << 20);
    for (let left = length; left > 0; left -= piece.length) yield left >= piece.length ? piece : piece.slice(0, left);
    yield '</t></si></sst>';
  }
  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row r="1">${titles.map((_, i) => `<c r="${column(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    // The huge string is the one after the titles; the row's other cells are inline text.
    const cells = row.map((text, i) =>
      text === ''
        ? `<c r="${column(i)}2" t="s"><v>${titles.length}</v></c>`
        : `<c r="${column(i)}2" t="inlineStr"><is><t>${text}</t></is></c>`,
    );
    yield `<row r="2">${cells.join('')}</row></sheetData></worksheet>`;
  }
  writeWorkbook(file, { 'xl/worksheets/sheet1.xml': sheet, 'xl/sharedStrings.xml': strings }, 9);
}

/**
 * A workbook whose shared-strings table holds `count` strings of `length` letters each (a little
 * zip: they are all alike), under one header row of `titles` and one data row: the reader must hold
 * the whole table before the first row, more than its heap allows.
 */
export function manyStringsWorkbook(file: string, count: number, length: number, titles: readonly string[]): void {
  function* strings(): Generator<string> {
    yield* [...sharedStrings(titles)].slice(0, -1);
    const si = `<si><t>${'A'.repeat(length)}</t></si>`;
    const chunk = si.repeat(1000);
    for (let left = count; left > 0; left -= 1000) yield left >= 1000 ? chunk : si.repeat(left);
    yield '</sst>';
  }
  function* sheet(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield `<row r="1">${titles.map((_, i) => `<c r="${column(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    yield `<row r="2">${titles.map((_, i) => `<c r="${column(i)}2" t="s"><v>${titles.length + i}</v></c>`).join('')}</row>`;
    yield '</sheetData></worksheet>';
  }
  writeWorkbook(file, { 'xl/sharedStrings.xml': strings, 'xl/worksheets/sheet1.xml': sheet }, 6);
}
