import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, the same one the Electron app uses as `userData`; `DOICHIEU_DATA_DIR`
 * names another (a fresh folder for the smoke test, a second installation on one account).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DOICHIEU_DATA_DIR) return env.DOICHIEU_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'doichieu');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'doichieu');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'doichieu');
}

export const DATABASE_FILE_NAME = 'doichieu.sqlite';

/**
 * Every file the app reads from its resources folder at run time. Code loads them through this list,
 * and test/unit/packaging.test.ts checks that each one exists and that the installers ship it.
 */
export const RUNTIME_RESOURCES = {
  fontRegular: 'fonts/Tinos_400Regular.ttf',
  fontBold: 'fonts/Tinos_700Bold.ttf',
  fontItalic: 'fonts/Tinos_400Regular_Italic.ttf',
  fontBoldItalic: 'fonts/Tinos_700Bold_Italic.ttf',
  /** The window icon on Linux (Windows takes the executable's). */
  icon: 'icon.png',
  /** Installed by the deb package (build-resources/linux/after-install.sh); copied by hand for an AppImage. */
  udevRule: 'udev/70-doichieu-scanners.rules',
} as const;

/** Where electron-builder's `extraResources` puts the resources folder, under process.resourcesPath. */
export const PACKAGED_RESOURCES_FOLDER = 'resources';

/** A runtime resource's full path. */
export function resourcePath(name: keyof typeof RUNTIME_RESOURCES, env: NodeJS.ProcessEnv = process.env): string {
  return join(resourcesDir(env), RUNTIME_RESOURCES[name]);
}

/** The app's bundled resources (fonts, icons): DOICHIEU_RESOURCES, else beside the built code, else the project's. */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOICHIEU_RESOURCES) return env.DOICHIEU_RESOURCES;
  // Built code lives in out/main; run from source (tsx, tests) the working folder is the project.
  return typeof __dirname !== 'undefined' && /[\\/]out[\\/]main$/.test(__dirname)
    ? join(__dirname, '..', '..', 'resources')
    : join(process.cwd(), 'resources');
}
