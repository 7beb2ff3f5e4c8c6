import { join } from 'node:path';
import { createApp, type App } from '../../src/main/app-context';
import { silentLogger } from '../../src/main/log/logger';
import { tempDir } from './paths';

/** The app's services on a fresh database file in a temporary folder, with its cleanup. */
export function tempApp(): { app: App; dir: string; cleanup: () => void } {
  const temp = tempDir();
  const created = createApp(join(temp.dir, 'db.sqlite'), 'test', silentLogger);
  if (!created.ok) throw new Error(created.problem.key);
  const app = created.value;
  return {
    app,
    dir: temp.dir,
    cleanup: () => {
      app.close();
      temp.cleanup();
    },
  };
}
