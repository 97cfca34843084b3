// Page objects for the calculators: what a person sees and does, by labels and roles.
// CalculatorPage holds what every calculator has (fields, their sentences, the results);
// PricingPage adds Pricing's own controls. Break-even and Delayed income: calculator-pages.mjs.
import { openPage } from './browser.mjs';

/** Moves to another calculator through the navigation, as a person would. */
export async function goTo(page, name) {
  await page.getByRole('navigation', { name: 'Calculators' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export class CalculatorPage {
  static slug = '';
  static heading = '';

  constructor(page) {
    this.page = page;
  }

  /** Opens this calculator's own address in a new browser context. */
  static async open(browser, url, options) {
    const { page, context, errors } = await openPage(browser, `${url}?page=${this.slug}`, options);
    const calculator = new this(page);
    calculator.context = context;
    calculator.errors = errors;
    await page.getByRole('heading', { name: this.heading, level: 1 }).waitFor();
    return calculator;
  }

  /** The same tab, moved to another calculator through the navigation. */
  async goTo(Calculator) {
    await goTo(this.page, Calculator.heading);
    const other = new Calculator(this.page);
    other.context = this.context;
    other.errors = this.errors;
    return other;
  }

  button(name) {
    return this.page.getByRole('button', { name });
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  async type(label, text) {
    const input = this.field(label);
    await input.fill('');
    if (text !== '') await input.pressSequentially(text);
  }

  /** Fills a field at once (no keystrokes), as pasting would. */
  async fill(label, text) {
    await this.field(label).fill(text);
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

  /** A row of the results' tables, by its heading. */
  async row(name) {
    return (await this.results().getByRole('row', { name }).locator('td').first().textContent()).trim();
  }

  /** The hint under a select or field: what its choice means. */
  async hintFor(label) {
    const id = await this.field(label).getAttribute('id');
    return (await this.page.locator(`#${id}-hint`).textContent()).trim();
  }

  async resultsText() {
    return (await this.results().innerText()).replace(/\s+/g, ' ');
  }

  async close() {
    await this.context.close();
  }
}

export class PricingPage extends CalculatorPage {
  static slug = 'pricing';
  static heading = 'Pricing';

  async choosePlatform(name) {
    await this.page.getByLabel('Platform', { exact: true }).selectOption({ label: name });
  }
}
