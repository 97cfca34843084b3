// Input-to-redrawn-chart latency in the built app (headless Chromium, dist/ under a sub-path):
// 50 inputs per calculator, timed from the input event to the chart's next completed draw.
import { startApp, openPage } from '../e2e/browser.mjs';

const CASES = [
  { name: 'Pricing', path: '?page=pricing', field: '#price', values: (i) => String(20 + (i % 10)) },
  { name: 'Break-even', path: '?page=break-even', field: '#build-hours', values: (i) => String(30 + (i % 10)) },
  { name: 'Delayed income, deterministic', path: '?page=delayed-income', field: '[id="s0-plateau"]', values: (i) => String(400 + (i % 10) * 20) },
  { name: 'Delayed income, 1,000 paths', path: '?page=delayed-income', field: '[id="s0-plateau"]', uncertainty: true, values: (i) => String(400 + (i % 10) * 20) },
  // The same input to the tornado's redraw: the band, the goal seek and the lever all rerun.
  { name: 'Delayed income, 1,000 paths, tornado', path: '?page=delayed-income', field: '[id="s0-plateau"]', uncertainty: true, canvas: '.lever canvas', values: (i) => String(400 + (i % 10) * 20) },
];

function stats(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
  return { median: at(0.5), p95: at(0.95) };
}

const app = await startApp();
console.log(`${'input to redrawn chart (50 inputs)'.padEnd(40)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)}`);
try {
  for (const c of CASES) {
    const { page, context } = await openPage(app.browser, app.url + c.path);
    if (c.uncertainty) await page.getByLabel('Show the uncertainty').check();
    const chart = c.canvas ?? 'canvas';
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.draws) > 0, chart);
    const times = await page.evaluate(async ({ field, values, chart }) => {
      const input = document.querySelector(field);
      const canvas = document.querySelector(chart);
      const out = [];
      for (const value of values) {
        const before = Number(canvas.dataset.draws);
        const drawn = new Promise((resolve) => {
          const watch = new MutationObserver(() => {
            if (Number(canvas.dataset.draws) > before) { watch.disconnect(); resolve(); }
          });
          watch.observe(canvas, { attributes: true, attributeFilter: ['data-draws'] });
        });
        const start = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await drawn;
        out.push(performance.now() - start);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return out;
    }, { field: c.field, chart, values: Array.from({ length: 50 }, (_, i) => c.values(i + 1)) });
    const s = stats(times);
    console.log(`${c.name.padEnd(40)} ${s.median.toFixed(2).padStart(10)} ${s.p95.toFixed(2).padStart(10)}`);
    await context.close();
  }
} finally {
  await app.close();
}
