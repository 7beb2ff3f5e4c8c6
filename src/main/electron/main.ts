/**
 * The Electron host: opens the database in userData, registers the IPC API and shows the window.
 * Thin on purpose: everything it serves lives in the services behind dispatch.
 */
import { BrowserWindow, Menu, app, dialog, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { translate } from '../../shared/i18n';
import { AppHost } from '../app-host';
import { consoleLogger } from '../log/logger';
import { DATABASE_FILE_NAME, PACKAGED_RESOURCES_FOLDER, defaultDataDir, resourcePath } from '../paths';
import { registerIpcApi } from './ipc';
import { openForPrinting } from './print-window';
import { appUrlTest, guardContents, guardSession } from './web-guards';
import { mainWindowOptions } from './window-options';

const rendererDir = join(__dirname, '..', 'renderer');
const rendererUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const isAppUrl = appUrlTest(rendererUrl);

app.setPath('userData', defaultDataDir());
// Installed, the fonts and icon are beside the asar (electron-builder's extraResources), not in it.
if (app.isPackaged) process.env.DOICHIEU_RESOURCES = join(process.resourcesPath, PACKAGED_RESOURCES_FOLDER);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

// Navigation, redirects, webviews and new windows (web-guards.ts).
app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));

app
  .whenReady()
  .then(() => {
    // No permission granted; nothing remote: any request that is not a local file is cancelled.
    guardSession(session.defaultSession);

    const dataDir = app.getPath('userData');
    mkdirSync(dataDir, { recursive: true });
    const logger = consoleLogger();
    // An encrypted database stays shut until someone signs in (their password unwraps its key).
    const opened = AppHost.start({
      databaseFile: join(dataDir, DATABASE_FILE_NAME),
      version: app.getVersion(),
      logger,
      // A printed document opens with the system's print dialog (print-window.ts).
      openFile: (fileName, data) => openForPrinting(app.getPath('temp'), fileName, data, resourcePath('icon')),
    });
    if (!opened.ok) {
      dialog.showErrorBox(translate('vi', 'app.name'), translate('vi', opened.problem.key, opened.problem.params));
      app.quit();
      return;
    }
    registerIpcApi(opened.value, isAppUrl);
    Menu.setApplicationMenu(null);

    const window = new BrowserWindow({ ...mainWindowOptions(join(__dirname, 'preload.cjs')), icon: resourcePath('icon') });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(rendererUrl);
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('window-all-closed', () => {
      opened.value.close();
      app.quit();
    });
  })
  .catch((error: unknown) => {
    consoleLogger().error('startup', error);
    app.quit();
  });
