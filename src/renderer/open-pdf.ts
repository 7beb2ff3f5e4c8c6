/**
 * Opens a PDF in a new browser tab, where the browser's own viewer prints it (the web host has no
 * system print dialog to call). Returns false when the browser blocked the tab.
 */
export function openPdfInNewTab(data: Uint8Array): boolean {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: 'application/pdf' }));
  const tab = window.open(url, '_blank');
  // The tab keeps its own copy once loaded; the URL is let go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return tab !== null;
}
