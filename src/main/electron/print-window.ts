/**
 * Printing a document in the desktop app (issue 15): the PDF opens in a window of its own, in
 * Chromium's PDF viewer, and the system print dialog comes up for it. Nothing but that one local
 * file is shown there (the session's guards cancel anything else); the viewer's own print button
 * stays at hand if the dialog is closed.
 */
import { BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes the PDF to the app's temporary folder and opens it for printing; false when it could not. */
export async function openForPrinting(tempDir: string, fileName: string, data: Uint8Array, icon: string): Promise<boolean> {
  const folder = join(tempDir, 'doichieu');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, fileName.replace(/[^\p{L}\p{N}._-]/gu, '_'));
  await writeFile(file, data);
  const window = new BrowserWindow({
    width: 1000,
    height: 760,
    title: fileName,
    icon,
    autoHideMenuBar: true,
    webPreferences: {
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(pathToFileURL(file).href);
  } catch {
    window.destroy();
    return false;
  }
  // The system's print dialog, for this document; closing it leaves the viewer open.
  window.webContents.print({ silent: false, printBackground: true }, () => undefined);
  return true;
}
