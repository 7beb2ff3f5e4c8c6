import type { Dayjs } from 'dayjs';

/** A picked date as the API takes it (YYYY-MM-DD), or null. */
export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
