import type { inputVi } from './input-vi';

/** English text about files the app reads, key for key with `inputVi`. */
export const inputEn: Record<keyof typeof inputVi, string> = {
  'input.tooManyColumns':
    'File "{file}", row {row}: holds values in more than {max} columns (the app\'s limit). Lists and extracts need far fewer: check the file.',
  'input.cellTooLong':
    'File "{file}", row {row}, column {column}: the cell is {length} characters long, over the {max}-character limit of a cell (Excel\'s own). The file is not taken.',
  'input.runTooLong':
    'File "{file}" holds a cell longer than {max} characters (Excel\'s limit), in its part "{part}". The file is not taken; ask for the original file again.',
  'input.tooManyCells':
    'File "{file}" has more than {max} cells, over the limit for this kind of file. Check the file, or split it.',
  'input.tooManyRows': 'File "{file}" has more than {max} rows in one sheet (Excel\'s limit). Split it into several files.',
  'input.tooManySheets': 'File "{file}" has more than {max} sheets. Copy the sheet to import into a file of its own.',
  'input.recordTooLong':
    'File "{file}", from row {row}: a row is longer than {max} characters (usually a missing closing quote). Open the file in Excel and save it again.',
  'input.encodingChanged':
    'File "{file}", row {row}: the text is no longer UTF-8 like the start of the file. Open the file in Excel and save it in one encoding (CSV UTF-8).',
  'input.nameTooLong':
    'File "{file}", row {row}: the full name is {length} characters long, over the {max}-character limit. Check the name column.',
  'row.nameTooLong': 'The full name is {length} characters long, over the {max}-character limit.',
  'input.tooManyRejected':
    'File "{file}": more than {max} rows were rejected (up to row {row}); the file was not read further. It is probably not an extract, or its columns are shifted: check the file.',
  'input.tooLargeToRead':
    'File "{file}" needs too much memory to read and was stopped. Nothing was written. Check the file, or split it.',
};
