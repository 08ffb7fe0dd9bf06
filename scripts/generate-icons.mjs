// `npm run icons`: every icon the installers need, generated from one picture (resources/icon.svg).
// icon-gen packs the Windows .ico and the macOS .icns; sharp (which icon-gen itself renders with)
// writes the PNG sizes Linux and electron-builder read. Both install from npm alone: sharp's
// libvips comes as an npm package (@img/sharp-*), nothing is downloaded from elsewhere.
import icongen from 'icon-gen';
import sharp from 'sharp';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const resources = resolve('resources');
const source = join(resources, 'icon.svg');
const svg = readFileSync(source);

// The sizes a Linux desktop (hicolor theme) looks for; electron-builder reads resources/icons/.
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
mkdirSync(join(resources, 'icons'), { recursive: true });
for (const size of linuxSizes) {
  await sharp(svg, { density: 72 * (size / 1024) * 4 }).resize(size, size).png().toFile(join(resources, 'icons', `${size}x${size}.png`));
}
await sharp(svg).resize(1024, 1024).png().toFile(join(resources, 'icon.png'));

const written = await icongen(source, resources, {
  report: false,
  ico: { name: 'icon', sizes: [16, 24, 32, 48, 64, 128, 256] },
  icns: { name: 'icon', sizes: [16, 32, 64, 128, 256, 512, 1024] },
});
console.log(['resources/icon.png', ...linuxSizes.map((s) => `resources/icons/${s}x${s}.png`), ...written.map((f) => f.replace(`${process.cwd()}/`, ''))].join('\n'));
