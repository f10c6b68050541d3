// Open each HTML brief given in headless Chromium and report, as one JSON line per file:
// the text boxes of any chart that overlap or stick out of their chart (from the
// browser's own bounding boxes), whether the page scrolls sideways on a phone, and the
// page printed on A4 (written beside the screenshot as NAME.pdf, for the test to count).
// Usage: node html_render.mjs OUT_DIR FILE.html...  (BPSTRAT_MERMAID_DIR names a folder
// with playwright-core installed; used by tests/brief/test_html_browser.py.)
import { createRequire } from 'module';
import path from 'path';
import { pathToFileURL } from 'url';
const require = createRequire(process.env.BPSTRAT_MERMAID_DIR + '/');
const { chromium } = require('playwright-core');
const [out, ...files] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ javaScriptEnabled: true });
const page = await context.newPage();
const requests = [];
page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
let failed = 0;
for (const file of files) {
  const name = path.basename(file, '.html');
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  await page.screenshot({ path: path.join(out, name + '.png'), fullPage: true });
  const report = await page.evaluate(() => {
    const overlaps = [], clipped = [];
    let texts = 0;
    const charts = [...document.querySelectorAll('figure.chart svg')];
    for (const svg of charts) {
      const frame = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
      texts += boxes.length;
      for (const [words, b] of boxes) {
        if (b.left < frame.left - 0.5 || b.right > frame.right + 0.5 ||
            b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5) clipped.push([svg.id || svg.getAttribute('aria-labelledby'), words]);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i][1], b = boxes[j][1];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5)
          overlaps.push([boxes[i][0], boxes[j][0]]);
      }
    }
    return { charts: charts.length, texts, overlaps, clipped,
      fonts: [...new Set([...document.querySelectorAll('svg text')].slice(0, 1).map((t) => getComputedStyle(t).fontFamily))] };
  });
  await page.setViewportSize({ width: 375, height: 800 });
  report.phoneWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: path.join(out, name + '-phone.png') });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(out, name + '.pdf'), format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  report.file = file;
  report.requests = requests.splice(0);
  if (report.overlaps.length || report.clipped.length || report.phoneWidth > 375 || report.requests.length) failed++;
  console.log(JSON.stringify(report));
}
await browser.close();
process.exit(failed ? 1 : 0);
