// Renders the one icon source, assets/icon.svg, to the PNG sizes the stores and browsers ask for.
// The PNGs are committed in public/icon/ (WXT copies them into every build), so building never
// needs this script; run it after changing the SVG:
//   npm run icons            writes public/icon/<size>.png
//   npm run icons -- --check exits 1 when a committed PNG differs from the SVG
// The SVG has no text and resvg needs no system libraries, so every machine renders the same bytes.
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(ROOT, 'assets/icon.svg');
export const ICON_DIR = path.join(ROOT, 'public/icon');
// 16/32: toolbar at 1x/2x; 48: the browsers' extension pages; 128: install dialog and store.
export const ICON_SIZES = [16, 32, 48, 128] as const;

export function renderIcon(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** The sizes whose committed PNG is missing or differs from a fresh render of the SVG. */
export function staleIcons(): number[] {
  const svg = fs.readFileSync(ICON_SOURCE, 'utf8');
  return ICON_SIZES.filter((size) => {
    const file = path.join(ICON_DIR, `${size}.png`);
    return !fs.existsSync(file) || !fs.readFileSync(file).equals(renderIcon(svg, size));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleIcons();
    if (stale.length) {
      console.error(`public/icon/ is out of date for ${stale.join(', ')} px: run npm run icons`);
      process.exit(1);
    }
    console.log('public/icon/ matches assets/icon.svg');
  } else {
    const svg = fs.readFileSync(ICON_SOURCE, 'utf8');
    fs.mkdirSync(ICON_DIR, { recursive: true });
    for (const size of ICON_SIZES) fs.writeFileSync(path.join(ICON_DIR, `${size}.png`), renderIcon(svg, size));
    console.log(`Wrote ${ICON_SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
  }
}
