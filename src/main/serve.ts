/**
 * `npm run serve`: the app through the web host, for machines without the Electron runtime and for
 * end-to-end tests. Options: --db FILE, --port N (0 = any free port), --renderer DIR.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { translate } from '../shared/i18n';
import { AppHost } from './app-host';
import { consoleLogger } from './log/logger';
import { DATABASE_FILE_NAME, defaultDataDir } from './paths';
import { startWebHost } from './web-host';

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const databaseFile = resolve(option(argv, 'db') ?? process.env.DOICHIEU_DB ?? join(defaultDataDir(), DATABASE_FILE_NAME));
  mkdirSync(dirname(databaseFile), { recursive: true });
  const rendererDir = resolve(option(argv, 'renderer') ?? join(process.cwd(), 'out', 'renderer'));
  const port = Number(option(argv, 'port') ?? 0);
  const logger = consoleLogger();
  const app = AppHost.start({
    databaseFile,
    version: process.env.npm_package_version ?? '0.0.0',
    logger,
    passphrase: process.env.DOICHIEU_KEY || null,
  });
  if (!app.ok) {
    process.stderr.write(`${translate('vi', app.problem.key, app.problem.params)}\n`);
    return 1;
  }
  const host = await startWebHost({ app: app.value, rendererDir, port });
  process.stdout.write(`Đối chiếu dân cư: mở địa chỉ này trong trình duyệt / open this address in a browser:\n${host.url}\n`);
  const stop = () => {
    void host.close().then(() => {
      app.value.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
