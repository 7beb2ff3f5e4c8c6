import { randomUUID } from 'node:crypto';

/** The files a user is previewing before an import: the newest few kept by id, older ones dropped. */
export class PreviewStore<T> {
  private readonly items = new Map<string, T>();

  constructor(private readonly kept = 2) {}

  /** Keeps a parsed file and returns its new id. */
  add(item: T): string {
    const previewId = randomUUID();
    this.items.set(previewId, item);
    while (this.items.size > this.kept) this.items.delete(this.items.keys().next().value!);
    return previewId;
  }

  get(previewId: string): T | undefined {
    return this.items.get(previewId);
  }

  /** Keeps a newer reading of a file under its id (if it is still kept). */
  replace(previewId: string, item: T): void {
    if (this.items.has(previewId)) this.items.set(previewId, item);
  }

  delete(previewId: string): void {
    this.items.delete(previewId);
  }
}
