// Page object for the Pricing calculator: what a person sees and does, by labels and roles.
import { openPage } from './browser.mjs';

export class PricingPage {
  constructor(page) {
    this.page = page;
  }

  static async open(browser, url, options) {
    const { page, context, errors } = await openPage(browser, `${url}?page=pricing`, options);
    const pricing = new PricingPage(page);
    pricing.context = context;
    pricing.errors = errors;
    await page.getByRole('heading', { name: 'Pricing', level: 1 }).waitFor();
    return pricing;
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  async type(label, text) {
    const input = this.field(label);
    await input.fill('');
    if (text !== '') await input.pressSequentially(text);
  }

  async choosePlatform(name) {
    await this.page.getByLabel('Platform', { exact: true }).selectOption({ label: name });
  }

  /** The sentence shown beside a field (its accessible description minus the hint). */
  async sentenceFor(label) {
    const id = await this.field(label).getAttribute('id');
    return (await this.page.locator(`#${id}-error`).textContent()).trim();
  }

  results() {
    return this.page.getByRole('region', { name: 'Results' });
  }

  async stat(name) {
    const value = this.results().getByText(name, { exact: true }).locator('xpath=following-sibling::p[1]');
    return (await value.textContent()).trim();
  }

  async resultsText() {
    return (await this.results().innerText()).replace(/\s+/g, ' ');
  }

  async close() {
    await this.context.close();
  }
}
