// `npm run marketplace:images`: the Marketplace listing's pictures, in docs/marketplace/.
//  - icon-128.png, icon-32.png, banner-220x140.png: drawn from icon.svg and banner.svg by Chromium,
//    on a transparent background (the icons) at exactly the sizes the listing asks for;
//  - screenshot-1…5.png: copied from the browser test's run (`npm run test:e2e` writes them to
//    test-results/e2e/marketplace-N.png as it walks a new seller's path in the playground).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'docs', 'marketplace');
const shots = join(root, 'test-results', 'e2e');
const SCREENSHOTS = 5;

const { register } = await import('tsx/esm/api');
register();
const { launchChromium } = await import('./browser.ts');

const images = [
  { svg: 'icon.svg', out: 'icon-128.png', width: 128, height: 128, transparent: true },
  { svg: 'icon.svg', out: 'icon-32.png', width: 32, height: 32, transparent: true },
  { svg: 'banner.svg', out: 'banner-220x140.png', width: 220, height: 140, transparent: false },
];

const { browser } = await launchChromium();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const image of images) {
    const svg = readFileSync(join(folder, image.svg), 'utf8').replace(
      /<svg([^>]*?) width="\d+" height="\d+"/,
      `<svg$1 width="${image.width}" height="${image.height}"`,
    );
    await page.setViewportSize({ width: image.width, height: image.height });
    await page.setContent(
      `<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    writeFileSync(
      join(folder, image.out),
      await page.screenshot({
        omitBackground: image.transparent,
        clip: { x: 0, y: 0, width: image.width, height: image.height },
      }),
    );
    console.log(`docs/marketplace/${image.out}`);
  }
} finally {
  await browser.close();
}

for (let n = 1; n <= SCREENSHOTS; n++) {
  const from = join(shots, `marketplace-${n}.png`);
  if (!existsSync(from)) {
    console.error(`${from} is missing: run \`npm run test:e2e\` first; it takes the screenshots.`);
    process.exit(1);
  }
  copyFileSync(from, join(folder, `screenshot-${n}.png`));
  console.log(`docs/marketplace/screenshot-${n}.png`);
}
