// `npm test` runs this first (npm's `pretest`): the system packages the tests need besides
// node_modules. On Debian as root (CI, a fresh container) it installs what is missing with apt-get;
// anywhere else it stops at once and prints the one command to run. Linux only: on Windows and macOS
// the desktop libraries come with the system and the end-to-end browser comes from DOICHIEU_CHROMIUM.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What the tests need, one Debian package a line. A package is present when every command is on
 * the PATH, every shared library is known to the loader and every file exists. To add one, add a line.
 */
export const NEEDED_PACKAGES = [
  { name: 'chromium', why: 'end-to-end tests (Playwright)', files: ['/usr/bin/chromium'], override: 'DOICHIEU_CHROMIUM' },
  { name: 'poppler-utils', why: 'reading printed PDFs back', commands: ['pdftoppm', 'pdftotext', 'pdfsig'] },
  { name: 'libusb-1.0-0', why: 'node-hid (scanners)', libraries: ['libusb-1.0.so.0'] },
  { name: 'libudev1', why: 'node-hid (scanners)', libraries: ['libudev.so.1'] },
  { name: 'bsdutils', why: '`script`, for the CLI passphrase prompt at a pseudo-terminal', commands: ['script'] },
  { name: 'libreoffice-calc-nogui', why: 'saving the sample list as .xls and .ods, as a station would', commands: ['soffice'] },
  { name: 'pcscd', why: 'reading the virtual ID card chip through PC/SC', files: ['/usr/sbin/pcscd'] },
  {
    name: 'vsmartcard-vpcd',
    why: 'the virtual card reader for the chip tests',
    files: ['/usr/lib/pcsc/drivers/serial/libifdvpcd.so'],
  },
  { name: 'libpcsclite1', why: 'PC/SC library the chip reader calls through koffi', libraries: ['libpcsclite.so.1'] },
];

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

const LIBRARY_DIRS = ['/lib', '/usr/lib', '/lib64', '/usr/lib64', '/usr/local/lib'];
let loaderCache = null;
/** The shared libraries the loader knows (ldconfig's cache), plus those in the usual folders. */
function knownLibraries() {
  if (loaderCache !== null) return loaderCache;
  loaderCache = new Set();
  for (const ldconfig of ['/sbin/ldconfig', '/usr/sbin/ldconfig', 'ldconfig']) {
    const listed = spawnSync(ldconfig, ['-p'], { encoding: 'utf8' });
    if (listed.status !== 0) continue;
    for (const line of listed.stdout.split('\n')) {
      const name = /^\s*(\S+)\s/.exec(line)?.[1];
      if (name) loaderCache.add(name);
    }
    break;
  }
  const scan = (dir, depth) => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      if (entry.isDirectory() && depth > 0 && entry.name.includes('-linux-')) scan(join(dir, entry.name), depth - 1);
      else loaderCache.add(entry.name);
    }
  };
  for (const dir of LIBRARY_DIRS) scan(dir, 1);
  return loaderCache;
}

/** Whether a package's commands, libraries and files are all there. */
export function isPresent(pkg, env = process.env) {
  if (pkg.override && env[pkg.override]) return existsSync(env[pkg.override]);
  return (
    (pkg.commands ?? []).every(onPath) &&
    (pkg.libraries ?? []).every((library) => knownLibraries().has(library)) &&
    (pkg.files ?? []).every((file) => existsSync(file))
  );
}

export function installCommand(names) {
  return `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${names.join(' ')}`;
}

function main() {
  if (process.platform !== 'linux') return 0;
  const missing = NEEDED_PACKAGES.filter((pkg) => !isPresent(pkg));
  if (missing.length === 0) return 0;
  const misnamed = missing.filter((pkg) => pkg.override && process.env[pkg.override]);
  if (misnamed.length > 0) {
    for (const pkg of misnamed) console.error(`pretest: ${pkg.override}=${process.env[pkg.override]} does not exist.`);
    return 1;
  }
  const names = missing.map((pkg) => pkg.name);
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(
      [
        `Kiểm thử cần gói hệ thống chưa có / the tests need system packages that are missing: ${missing
          .map((pkg) => `${pkg.name} (${pkg.why})`)
          .join(', ')}.`,
        'Chạy / run (Debian, as root):',
        `  sudo sh -c '${installCommand(names)}'`,
      ].join('\n'),
    );
    return 1;
  }
  console.log(`pretest: installing ${missing.map((pkg) => `${pkg.name} (${pkg.why})`).join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const installed = spawnSync('sh', ['-c', installCommand(names)], { stdio: 'inherit', env });
  if (installed.status !== 0) {
    console.error(`pretest: apt-get failed (exit ${installed.status ?? installed.signal}).`);
    return 1;
  }
  loaderCache = null;
  const still = NEEDED_PACKAGES.filter((pkg) => !isPresent(pkg)).map((pkg) => pkg.name);
  if (still.length > 0) {
    console.error(`pretest: still missing after apt-get: ${still.join(', ')}.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
