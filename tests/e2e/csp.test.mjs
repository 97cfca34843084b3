// Every page runs clean under the Content-Security-Policy of dist/_headers: no violations, and no
// console warning or error at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './browser.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app.close(); });

for (const path of ['', '?page=pricing', '?page=break-even', '?page=delayed-income', '?page=compare', 'embed.html?embed=delayed-income']) {
  test(`no CSP violations or console warnings on ${path || 'the landing page'}`, async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const violations = [];
    const warnings = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      else if (['warning', 'error'].includes(m.type())) warnings.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(app.url + path);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, 'no inline scripts or styles, no eval');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    if (path.includes('delayed')) {
      // In the embed the plan's settings fold under their heading.
      if (path.includes('embed')) await page.locator('summary', { hasText: 'The plan' }).click();
      await page.getByLabel('Show the uncertainty').check();
      await page.waitForFunction(() => Number(document.querySelector('canvas')?.dataset.draws) > 0);
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(warnings, []);
    await context.close();
  });
}
