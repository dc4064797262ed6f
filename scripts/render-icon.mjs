// Renders the app icon (renderer/public/icon.svg, the one source of it) to build/icon.png,
// from which electron-builder makes the .ico, .icns and Linux icons. Uses Debian's Chromium.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('renderer/public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`,
);
await page.screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
