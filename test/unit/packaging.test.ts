/**
 * The installers, checked offline (issue 9): electron-builder.yml against electron-builder's own
 * schema, and every file the packaged app needs at run time actually inside the package.
 */
import { Ajv } from 'ajv';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { libraryName } from '../../src/main/chip/pcsc/winscard';
import { PACKAGED_RESOURCES_FOLDER, RUNTIME_RESOURCES } from '../../src/main/paths';

interface BuilderConfig {
  files: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { icon: string; target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { icon: string; target: { target: string }[] };
  deb: { depends: string[]; afterInstall: string; afterRemove: string };
  electronFuses: Record<string, boolean>;
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

function validator() {
  const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;
  // electron-builder's schema uses union types and its own annotations; nothing else is relaxed.
  return new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
}

/** Whether electron-builder's file patterns (negations last) take `file`. */
function included(patterns: readonly string[], file: string): boolean {
  let taken = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) taken = false;
    } else if (minimatch(file, pattern, { dot: true })) taken = true;
  }
  return taken;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema, which refuses a misspelt option", () => {
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'có' } })).toBe(false);
  });

  it('builds a per-machine Vietnamese NSIS installer and a portable build for Windows x64, and keeps the data on upgrade and uninstall', () => {
    expect(config.win.target.map((t) => `${t.target}:${t.arch.join(',')}`)).toEqual(['nsis:x64', 'portable:x64']);
    expect(config.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      installerLanguages: ['vi_VN'],
      deleteAppDataOnUninstall: false,
      createStartMenuShortcut: true,
    });
  });

  it('carries what the chip reader needs: pcscd and libpcsclite1 in the deb, nothing to build or add on Windows', () => {
    expect(config.deb.depends).toEqual(expect.arrayContaining(['pcscd', 'libpcsclite1']));
    // koffi is a production dependency whose install script never runs (no compile step)…
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(packageJson.dependencies.koffi).toBeDefined();
    expect(pkg.allowScripts.koffi).toBe(false);
    // …its prebuilt binary for each system comes as an optional package, the Windows one included,
    // and is unpacked from the asar like every native module…
    const koffi = JSON.parse(readFileSync('node_modules/koffi/package.json', 'utf8')) as {
      optionalDependencies: Record<string, string>;
    };
    expect(Object.keys(koffi.optionalDependencies)).toEqual(
      expect.arrayContaining(['@koromix/koffi-win32-x64', '@koromix/koffi-linux-x64']),
    );
    expect(config.asarUnpack).toContain('**/*.node');
    // …and it loads the system's own PC/SC library: the deb's libpcsclite1, Windows' winscard.dll.
    expect(libraryName('linux')).toBe('libpcsclite.so.1');
    expect(libraryName('win32')).toBe('winscard.dll');
  });

  it('builds a deb that depends on libusb and libudev and installs the udev rule, and an AppImage', () => {
    expect(config.linux.target.map((t) => t.target)).toEqual(['deb', 'AppImage']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libusb-1.0-0', 'libudev1', 'libnss3', 'libgtk-3-0']));
    const afterInstall = readFileSync(config.deb.afterInstall, 'utf8');
    // The rule is copied from where extraResources puts it inside the installed app.
    expect(afterInstall).toContain(
      `/opt/\${sanitizedProductName}/resources/${PACKAGED_RESOURCES_FOLDER}/${RUNTIME_RESOURCES.udevRule}`,
    );
    expect(afterInstall).toContain('/etc/udev/rules.d/');
    // electron-builder's own steps (the /usr/bin link, the sandbox helper) are still there.
    expect(afterInstall).toContain("update-alternatives --install '/usr/bin/${executable}'");
    expect(readFileSync(config.deb.afterRemove, 'utf8')).toContain('rm -f /etc/udev/rules.d/70-doichieu-scanners.rules');
    // electron-builder fills in ${name} macros and stops at any it does not know.
    for (const script of [config.deb.afterInstall, config.deb.afterRemove]) {
      const macros = new Set([...readFileSync(script, 'utf8').matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
      expect(
        [...macros].filter((m) => m !== 'executable' && m !== 'sanitizedProductName'),
        script,
      ).toEqual([]);
    }
  });

  it('sets the fuses, and rebuilds no native module itself (npm run dist rebuilds only the SQLite driver)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableNodeCliInspectArguments: false,
    });
    expect(config.npmRebuild).toBe(false);
    const dist = readFileSync('scripts/dist.mjs', 'utf8');
    expect(dist).toMatch(/electron-rebuild.*--only', SQLITE/);
    expect(dist).toContain("const SQLITE = 'better-sqlite3-multiple-ciphers'");
    // Native .node files must be outside the asar to load.
    expect(included(config.asarUnpack, 'node_modules/node-hid/prebuilds/HID-win32-x64/node.napi.node')).toBe(true);
  });
});

describe('what the packaged app loads at run time', () => {
  it('every runtime resource exists and is shipped by extraResources where the app looks for it', () => {
    const [resources] = config.extraResources;
    expect(resources).toMatchObject({ from: 'resources', to: PACKAGED_RESOURCES_FOLDER });
    for (const file of Object.values(RUNTIME_RESOURCES)) {
      expect(existsSync(join('resources', file)), file).toBe(true);
      expect(included(resources!.filter, file), file).toBe(true);
    }
    expect(readFileSync('src/main/electron/main.ts', 'utf8')).toContain('join(process.resourcesPath, PACKAGED_RESOURCES_FOLDER)');
  });

  it('the icon is a PNG of at least 256×256 (electron-builder makes the Windows .ico from it)', () => {
    for (const icon of [config.win.icon, config.linux.icon]) {
      const png = PNG.sync.read(readFileSync(icon));
      expect(png.width).toBeGreaterThanOrEqual(256);
      expect(png.height).toBe(png.width);
    }
  });

  it('the built main process, preload and page are in `files`, the migrations are bundled, and every package main requires is a dependency', async () => {
    for (const file of [packageJson.main, 'out/main/preload.cjs', 'out/renderer/index.html', 'package.json'])
      expect(included(config.files, file), file).toBe(true);
    expect(included(config.files, 'out/main/main.cjs.map')).toBe(false);

    // The same bundle scripts/build-main.mjs makes, in memory.
    const result = await build({
      entryPoints: ['src/main/electron/main.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const migrations = readdirSync('src/main/db/migrations').filter((f) => /^\d{4}-.*\.ts$/.test(f));
    expect(migrations.length).toBeGreaterThanOrEqual(8);
    for (const migration of migrations) expect(inputs, migration).toContain(`src/main/db/migrations/${migration}`);

    // Packages stay external: each must be a production dependency, or the installed app cannot load it.
    const output = Object.values(result.metafile.outputs)[0]!;
    const packages = new Set(
      output.imports
        .filter((i) => i.external && !builtinModules.includes(i.path.replace(/^node:/, '')) && !i.path.startsWith('node:'))
        .map((i) =>
          i.path
            .split('/')
            .slice(0, i.path.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    packages.delete('electron');
    expect(packages.size).toBeGreaterThan(3);
    for (const name of packages) expect(Object.keys(packageJson.dependencies), name).toContain(name);
  });
});
