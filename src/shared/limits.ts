/**
 * How much work any file may ask for (issue 19). Each is checked while the file is read, so a file
 * over one is refused before it costs more than the limit itself, with a message naming the limit.
 */

/** The largest file the app reads (a 1,000,000-resident extract as CSV is about 250 MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The most a workbook may inflate to (a 1,000,000-row, 12-column sheet is about 450 MB). */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/** Sheets in one workbook. */
export const MAX_SHEETS = 100;

/** Rows of one sheet: Excel's own limit. */
export const MAX_SHEET_ROWS = 1_048_576;

/** Columns holding a value: Excel 2003's limit, ten times what an extract or a list uses. */
export const MAX_COLUMNS = 256;

/** Characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;

/** Characters in a person's name (the longest real Vietnamese names are under 60). */
export const MAX_NAME_CHARS = 200;

/**
 * Cells (XML cell elements, empty ones with a format included) in all the sheets of a workbook:
 * an extract of 1,048,576 residents in 28 columns, a list of 100,000 entries in 30.
 */
export const MAX_EXTRACT_CELLS = 30_000_000;
export const MAX_LIST_CELLS = 3_000_000;

/**
 * Rejected rows in an extract: beyond this many the file is refused as a whole (it is not an
 * extract with a few faulty rows but the wrong file, or the wrong columns), and reading stops.
 */
export const MAX_REJECTED_ROWS = 50_000;

/** Characters of one CSV record (all its cells): a record longer than this is refused. */
export const MAX_RECORD_CHARS = 1_048_576;

/** Characters a printed table cell shows; longer text ends with an ellipsis. */
export const MAX_PRINTED_CELL_CHARS = 500;
