// What the packages need to build, checked with app-builder-lib's own code rather than a copy of its
// rules: its config loader and schema read electron-builder.yml, and FpmTarget's own check (the one
// that stops a deb with "Please specify author 'email'" or "Please specify project homepage") runs
// on our package.json. No package is built here: that needs an Electron download.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENED_EXTENSIONS } from '../../main/electron/open-files.ts';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES } from '../../scripts/make-icons.ts';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// The config loader compiles through jiti, which would otherwise leave a cache in the temp folder.
process.env.JITI_FS_CACHE = 'false';
const lib = (file: string) => require(path.join(root, 'node_modules/app-builder-lib/out', file));

interface BuilderConfig {
  icon?: string;
  directories?: { buildResources?: string };
  fileAssociations?: { ext: string | string[]; name?: string; mimeType?: string; role?: string; rank?: string }[];
  linux?: Record<string, unknown> & { icon?: string; category?: string; maintainer?: string; syncDesktopName?: boolean };
  mac?: { icon?: string; category?: string; fileAssociations?: BuilderConfig['fileAssociations'] };
  win?: { icon?: string; fileAssociations?: BuilderConfig['fileAssociations'] };
}

const metadata = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { author?: { name?: string; email?: string } };

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = lib('util/config/config.js');
  const config = (await getConfig(root)) as BuilderConfig;
  // Throws on any key or value electron-builder 26's schema does not accept.
  await validateConfiguration(config, { isEnabled: false });
  return config;
}

/** FpmTarget's metadata check (deb, rpm, pacman…), run on our package.json and Linux options. */
async function fpmMetaInfo(options: Record<string, unknown>, meta: Record<string, unknown> = metadata) {
  const FpmTarget = lib('targets/FpmTarget.js').default;
  const { AppInfo } = lib('appInfo.js');
  const appInfo = { computePackageUrl: () => AppInfo.prototype.computePackageUrl.call({ info: { metadata: meta, repositoryInfo: Promise.resolve(null) }, notNullDevMetadata: meta }) };
  return FpmTarget.prototype.computeFpmMetaInfoOptions.call({ packager: { appInfo, info: { metadata: meta } }, options }) as Promise<{ maintainer: string; url: string }>;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is not a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the packaging metadata', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(loadConfig()).resolves.toBeTruthy();
  });

  it('lets the deb and rpm targets build: a maintainer with an email and a homepage', async () => {
    const config = await loadConfig();
    const info = await fpmMetaInfo(config.linux ?? {});
    expect(info.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/);
    expect(info.url).toMatch(/^https:\/\//);
    // Without the Linux maintainer, package.json's author (with its email) still satisfies it.
    expect((await fpmMetaInfo({})).maintainer).toBe(`${metadata.author?.name} <${metadata.author?.email}>`);
  });

  it('is checked by the code that refused the deb before (a package.json without them fails)', async () => {
    await expect(fpmMetaInfo({}, { name: 'deckhand', version: '0.1.0' })).rejects.toThrow(/homepage[\s\S]*author 'email'/);
  });

  it('names the app for the Linux desktop: a category, an executable and a desktop file that matches the window', async () => {
    const config = await loadConfig();
    expect(config.linux?.category).toBe('Education');
    expect(config.linux?.executableName).toBe('deckhand');
    expect(metadata.desktopName).toBe('deckhand.desktop');
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(config.mac?.category).toBe('public.app-category.education');
  });
});

describe('the icons', () => {
  it('come in every Linux icon-theme size, each drawn at its size', async () => {
    const config = await loadConfig();
    const dir = path.join(root, config.linux!.icon!);
    for (const size of LINUX_SIZES) expect(pngSize(path.join(dir, `${size}x${size}.png`)), `${size}x${size}.png`).toEqual({ width: size, height: size });
    expect(LINUX_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]));
  });

  it('give every platform a large enough source: a 1024 PNG, an .icns to 1024 and an .ico to 256', async () => {
    const config = await loadConfig();
    expect(pngSize(path.join(root, config.icon!))).toEqual({ width: 1024, height: 1024 });

    const icns = readFileSync(path.join(root, config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found[icns.subarray(at, at + 4).toString('latin1')] = icns.readUInt32BE(at + 8 + 16);
    }
    expect(found).toEqual(Object.fromEntries(ICNS_TYPES));

    const ico = readFileSync(path.join(root, config.win!.icon!));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const png = ico.readUInt32LE(6 + 16 * i + 12);
      expect(ico.subarray(png + 1, png + 4).toString('latin1')).toBe('PNG');
      return ico.readUInt32BE(png + 16);
    });
    expect(sizes).toEqual(ICO_SIZES);
    expect(Math.max(...sizes)).toBe(256);
  });
});

describe('the file associations', () => {
  const extensions = (list: BuilderConfig['fileAssociations']) => (list ?? []).flatMap((a) => [a.ext].flat()).sort();
  const opened = (flow: string) => Object.keys(OPENED_EXTENSIONS).filter((ext) => OPENED_EXTENSIONS[ext] === flow).sort();

  it('make Deckhand the owner of Anki packages everywhere, each opening the import', async () => {
    const config = await loadConfig();
    expect(extensions(config.fileAssociations)).toEqual(opened('import'));
    for (const a of config.fileAssociations!) expect([a.ext, a.rank, a.mimeType]).toEqual([a.ext, 'Owner', expect.stringMatching(/^application\//)]);
  });

  it('offer Deckhand for every article format on macOS and Linux, as an alternative, never the default', async () => {
    const config = await loadConfig();
    for (const platform of [config.mac, config.linux]) {
      expect(extensions(platform?.fileAssociations as BuilderConfig['fileAssociations'])).toEqual(opened('article'));
      for (const a of platform!.fileAssociations as NonNullable<BuilderConfig['fileAssociations']>) expect({ ext: a.ext, rank: a.rank, mime: typeof a.mimeType }).toEqual({ ext: a.ext, rank: 'Alternate', mime: 'string' });
    }
  });

  it('leave .txt, .pdf and .html with their own apps on Windows, where an association takes over the default', async () => {
    const config = await loadConfig();
    expect(config.win?.fileAssociations).toBeUndefined();
  });
});

describe('the Linux desktop entry', () => {
  /** The .desktop file electron-builder writes for deb and AppImage, computed by its own LinuxTargetHelper. */
  async function desktopEntry(): Promise<Record<string, string>> {
    const config = await loadConfig();
    const { LinuxTargetHelper } = lib('targets/LinuxTargetHelper.js');
    const linux = config.linux ?? {};
    const packager = {
      config,
      platformSpecificBuildOptions: linux,
      fileAssociations: [...(config.fileAssociations ?? []), ...((linux.fileAssociations as BuilderConfig['fileAssociations']) ?? [])],
      executableName: linux.executableName,
      appInfo: { productName: metadata.productName, description: metadata.description, sanitizedProductName: metadata.productName },
      info: { metadata },
    };
    const text = (await new LinuxTargetHelper(packager).computeDesktopEntry(linux)) as string;
    return Object.fromEntries(text.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  }

  it('lists every type Deckhand opens, and passes the opened files to it (%U, read by open-files.ts)', async () => {
    const entry = await desktopEntry();
    const mimeTypes = entry.MimeType!.split(';').filter(Boolean);
    expect(mimeTypes).toEqual(expect.arrayContaining(['application/x-apkg', 'application/x-colpkg', 'text/markdown', 'text/plain', 'text/html', 'application/pdf', 'application/epub+zip']));
    expect(entry.Exec).toMatch(/ %U$/);
  });

  it('files it under Education, named and grouped with its window', async () => {
    const entry = await desktopEntry();
    expect(entry).toMatchObject({ Name: 'Deckhand', Categories: 'Education;', StartupWMClass: 'deckhand', Icon: 'deckhand', Type: 'Application' });
    expect(entry.Keywords).toContain('flashcards');
  });
});
