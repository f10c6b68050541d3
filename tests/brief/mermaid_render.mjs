// Render every ```mermaid block of the given Markdown files in a real Mermaid (headless
// Chromium), exit 1 if any fails. Used by tests/brief/test_mermaid.py when BPSTRAT_MERMAID_DIR
// names a folder with `npm install mermaid@11 playwright-core` done in it.
import { createRequire } from 'module';
const require = createRequire(process.env.BPSTRAT_MERMAID_DIR + '/');
const { chromium } = require('playwright-core');
import fs from 'fs';
const files = process.argv.slice(2);
const diagrams = [];
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const re = /```mermaid\n([\s\S]*?)```/g; let m;
  while ((m = re.exec(text))) diagrams.push({ file: f, src: m[1] });
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
await page.setContent('<html><body></body></html>');
await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
let failed = 0;
for (const [i, d] of diagrams.entries()) {
  const result = await page.evaluate(async ({ src, i }) => {
    try {
      mermaid.initialize({ startOnLoad: false });
      await mermaid.parse(src);
      const { svg } = await mermaid.render('d' + i, src);
      return { ok: true, size: svg.length, points: (svg.match(/<circle/g) || []).length };
    } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
  }, { src: d.src, i });
  if (!result.ok) failed++;
  console.log(d.file, d.src.split('\n')[0], JSON.stringify(result));
}
await browser.close();
process.exit(failed ? 1 : 0);
