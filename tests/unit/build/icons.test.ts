// The icon set is generated from assets/icon.svg but committed, so nothing rebuilds it on the way
// to a store: these catch an SVG edit without `npm run icons`, and a manifest that loses the icons.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../../wxt.config';
import { ICON_DIR, ICON_SIZES, staleIcons } from '../../../scripts/generate-icons';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function manifestFor(browser: string): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' } as ConfigEnv);
}

describe('icons', () => {
  it('the committed PNGs are the current render of assets/icon.svg', () => {
    expect(staleIcons()).toEqual([]);
  });

  it.each(ICON_SIZES)('public/icon/%i.png is square at its size', (size) => {
    expect(pngSize(path.join(ICON_DIR, `${size}.png`))).toEqual([size, size]);
  });

  it.each(['chrome', 'firefox'])('the %s manifest names every icon size and gives the toolbar button its icon', async (browser) => {
    const manifest = await manifestFor(browser);
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual([...ICON_SIZES]);
    const toolbar = manifest.action?.default_icon;
    expect(toolbar).toBeTypeOf('object');
    for (const file of [...Object.values(manifest.icons ?? {}), ...Object.values(toolbar as Record<string, string>)]) {
      expect(fs.existsSync(path.resolve('public', file)), `public/${file}`).toBe(true);
    }
  });
});
