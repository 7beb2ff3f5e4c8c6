import { useEffect } from 'react';
import type { EntryView } from '../../../shared/api-contract';
import { RESOLUTION_FITS, type Resolution } from '../../../shared/verification/vocabulary';
import { RESOLUTION_KEYS } from './resolution-keys';

/**
 * The worklist's keys: ↑/↓ move between rows, 1–5 choose a resolution that fits (one that needs a
 * reason puts the cursor in the note box first), Ctrl+Z undoes the last decision on the list
 * wherever the selection is. Off while a dialog is open; in a text box only Ctrl+Z of an empty box
 * reaches the list (a box with text undoes its own typing).
 */
export function useWorklistKeys(options: {
  readonly shown: readonly EntryView[];
  readonly selected: number | null;
  readonly current: EntryView | null;
  readonly paused: boolean;
  readonly select: (id: number) => void;
  readonly choose: (entry: EntryView, resolution: Resolution) => void;
  readonly undoLast: () => void;
}): void {
  const { shown, selected, current, paused, select, choose, undoLast } = options;
  useEffect(() => {
    if (paused) return;
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        if (typing && (e.target as HTMLInputElement | HTMLTextAreaElement).value !== '') return;
        e.preventDefault();
        undoLast();
        return;
      }
      if (typing) return;
      const index = shown.findIndex((x) => x.id === selected);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = shown[Math.min(shown.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) select(next.id);
        return;
      }
      if (!current || current.status === null) return;
      if (e.ctrlKey || e.metaKey || e.altKey || current.resolution !== null) return;
      const action = RESOLUTION_KEYS.find((r) => r.key === e.key && RESOLUTION_FITS[r.resolution].includes(current.status!));
      if (action) {
        // The key is not typed into the note box it may move the cursor to.
        e.preventDefault();
        choose(current, action.resolution);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, selected, current, paused, select, choose, undoLast]);
}
