import { join } from 'node:path';
import { createApp, type App } from '../../src/main/app-context';
import { createUser } from '../../src/main/auth/users';
import { silentLogger } from '../../src/main/log/logger';
import { tempDir } from './paths';

/** The app's services on a fresh database file in a temporary folder, with its cleanup. */
export function tempApp(): { app: App; dir: string; cleanup: () => void } {
  const temp = tempDir();
  const created = createApp(join(temp.dir, 'db.sqlite'), 'test', silentLogger);
  if (!created.ok) throw new Error(created.problem.key);
  const app = created.value;
  // The API checks roles in main: these tests act as a signed-in administrator.
  const now = new Date();
  const admin = createUser(
    app.ctx.db,
    { username: 'quantri', displayName: 'Quản trị viên', role: 'admin', password: 'mat-khau-thu' },
    now,
  );
  if (!admin.ok) throw new Error(admin.problem.key);
  app.ctx.session.signIn(admin.value, now);
  return {
    app,
    dir: temp.dir,
    cleanup: () => {
      app.close();
      temp.cleanup();
    },
  };
}
