import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder, the same one the Electron app uses as `userData`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'doichieu');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'doichieu');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'doichieu');
}

export const DATABASE_FILE_NAME = 'doichieu.sqlite';

/** The app's bundled resources (fonts, icons): DOICHIEU_RESOURCES, else beside the built code, else the project's. */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOICHIEU_RESOURCES) return env.DOICHIEU_RESOURCES;
  // Built code lives in out/main; run from source (tsx, tests) the working folder is the project.
  return typeof __dirname !== 'undefined' && /[\\/]out[\\/]main$/.test(__dirname)
    ? join(__dirname, '..', '..', 'resources')
    : join(process.cwd(), 'resources');
}
