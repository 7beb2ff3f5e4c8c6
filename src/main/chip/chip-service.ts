/**
 * The chip reader as the hosts use it: PC/SC opened on first use, the chosen reader remembered in
 * the settings, one read at a time, the installed CSCA certificates passed to passive authentication.
 */
import type { ChipReadersState, ChipReaderView } from '../../shared/api/chip';
import type { KeySource } from '../../shared/chip/bac-key';
import type { ChipProgress, ChipRead } from '../../shared/chip/chip-read';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Db } from '../db/open-database';
import { deleteSetting, getSetting, setSetting } from '../settings/settings';
import { cscaViews, installedCscas } from './csca-store';
import { openPcsc, type Pcsc } from './pcsc/pcsc';
import { readChip } from './read-chip';

const CHOSEN = 'chip-reader';

export class ChipService {
  private pcsc: Promise<Result<Pcsc>> | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  /**
   * `db`: where the chosen reader and the installed CSCAs are kept (the CLI may read without one);
   * `extraCscas`: certificates given besides those (the CLI's `--csca FILE`).
   */
  constructor(
    private readonly db: Db | null,
    private readonly open: () => Promise<Result<Pcsc>> = () => openPcsc(),
    private readonly extraCscas: readonly Uint8Array[] = [],
  ) {}

  private chosen(): string | null {
    return this.db === null ? null : getSetting(this.db, CHOSEN);
  }

  private async connection(): Promise<Result<Pcsc>> {
    this.pcsc ??= this.open();
    const opened = await this.pcsc;
    // The library was missing: look again next time (it may have been installed since).
    if (!opened.ok) this.pcsc = null;
    return opened;
  }

  /** The readers with whether each holds a card, the chosen one, and the installed CSCAs. */
  async state(): Promise<ChipReadersState> {
    const base = { chosen: this.chosen(), csca: this.db === null ? [] : cscaViews(this.db) };
    const pcsc = await this.connection();
    if (!pcsc.ok) return { ...base, available: false, problem: pcsc.problem, readers: [] };
    const names = await pcsc.value.listReaders();
    if (!names.ok) return { ...base, available: false, problem: names.problem, readers: [] };
    const readers: ChipReaderView[] = [];
    for (const name of names.value) {
      const slot = await pcsc.value.readerState(name);
      readers.push({ name, cardPresent: slot.ok && slot.value.present });
    }
    return { ...base, available: true, problem: null, readers };
  }

  /** Remembers the reader to use (null: whichever holds a card). */
  async choose(reader: string | null): Promise<ChipReadersState> {
    if (this.db !== null && reader === null) deleteSetting(this.db, CHOSEN);
    else if (this.db !== null && reader !== null) setSetting(this.db, CHOSEN, reader);
    return this.state();
  }

  /** The reader to read: the one named, else the chosen one, else the first holding a card. */
  private async pick(pcsc: Pcsc, named: string | undefined): Promise<Result<string>> {
    const names = await pcsc.listReaders();
    if (!names.ok) return names;
    if (names.value.length === 0) return fail('chip.pcsc.noReaders');
    const wanted = named ?? this.chosen();
    if (wanted !== null && wanted !== undefined) {
      const byIndex = /^\d+$/.test(wanted) ? names.value[Number(wanted)] : undefined;
      const found = byIndex ?? names.value.find((n) => n === wanted);
      return found === undefined ? fail('chip.pcsc.readerGone', { reader: wanted }) : { ok: true, value: found };
    }
    for (const name of names.value) {
      const slot = await pcsc.readerState(name);
      if (slot.ok && slot.value.present) return { ok: true, value: name };
    }
    return fail('chip.noCard', { reader: names.value[0]! });
  }

  /** Reads the card on a reader (by name or index), one read at a time. */
  read(key: KeySource, reader?: string, onProgress?: (progress: ChipProgress) => void): Promise<Result<ChipRead>> {
    const run = async (): Promise<Result<ChipRead>> => {
      const pcsc = await this.connection();
      if (!pcsc.ok) return pcsc;
      const name = await this.pick(pcsc.value, reader);
      if (!name.ok) return name;
      const transport = await pcsc.value.connect(name.value);
      if (!transport.ok) return transport;
      try {
        const cscaCertificates = [...(this.db === null ? [] : installedCscas(this.db)), ...this.extraCscas];
        return await readChip(transport.value, key, { cscaCertificates, onProgress });
      } finally {
        await transport.value.close();
      }
    };
    return this.serial(run);
  }

  /** Runs `work` after whatever talks to PC/SC now (one caller at a time). */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  /**
   * Whether a card is on each reader watched for the background reading: the chosen one, else every
   * reader. Answers at once (no waiting), so a read in progress is never held up.
   */
  presence(): Promise<Result<{ reader: string; present: boolean }[]>> {
    return this.serial(() => this.presenceNow());
  }

  private async presenceNow(): Promise<Result<{ reader: string; present: boolean }[]>> {
    const pcsc = await this.connection();
    if (!pcsc.ok) return pcsc;
    const names = await pcsc.value.listReaders();
    if (!names.ok) return names;
    const chosen = this.chosen();
    const watched = chosen !== null && names.value.includes(chosen) ? [chosen] : chosen === null ? names.value : [];
    const slots: { reader: string; present: boolean }[] = [];
    for (const reader of watched) {
      const slot = await pcsc.value.readerState(reader);
      slots.push({ reader, present: slot.ok && slot.value.present });
    }
    return ok(slots);
  }

  /** Releases PC/SC. */
  async close(): Promise<void> {
    const pcsc = await this.pcsc;
    if (pcsc?.ok) pcsc.value.close();
    this.pcsc = null;
  }
}
