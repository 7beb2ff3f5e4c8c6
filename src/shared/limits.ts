/** The largest file the app reads (a 1,000,000-resident extract as CSV is about 250 MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
