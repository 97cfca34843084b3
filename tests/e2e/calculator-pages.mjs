// Page objects for the Break-even and Delayed-income calculators, as pricing-page.mjs is for
// Pricing: what a person sees and does, by labels, roles and the names on the screen.
import { CalculatorPage } from './pricing-page.mjs';

export { goTo } from './pricing-page.mjs';

export class BreakEvenPage extends CalculatorPage {
  static slug = 'break-even';
  static heading = 'Break-even';

  async verdict() {
    return this.page.getByTestId('verdict').textContent();
  }

  async unitsUpfront() {
    return this.page.getByTestId('units-upfront').textContent();
  }

  async hourlyRows() {
    return this.page.getByTestId('hourly-table').locator('tbody tr').allInnerTexts();
  }

  /** A plan that pays back: 10 build hours at $20/h, $100 cash, no monthly costs, 10 sales a month. */
  async simplePlan() {
    await this.type('Build hours', '10');
    await this.type('Value of one hour', '20');
    await this.type('Upfront cash', '100');
    await this.button('Remove monthly cost Email service').click();
    await this.button('Remove monthly cost AI subscription').click();
    await this.type('Upkeep hours per month', '0');
    await this.page.getByLabel('Constant').check();
    await this.type('Sales per month', '10');
  }
}

export class DelayedIncomePage extends CalculatorPage {
  static slug = 'delayed-income';
  static heading = 'Delayed income';

  async milestones() {
    return this.page.getByTestId('milestones').innerText();
  }

  /** The uncertainty summary: the chance, the quantiles and the seed. */
  uncertainty() {
    return this.page.getByTestId('uncertainty');
  }

  /** How many times the chart has been drawn (the canvas counts its redraws). */
  async draws() {
    return this.page.locator('canvas').first().evaluate((c) => Number(c.dataset.draws));
  }

  async waitForRedrawAfter(draws) {
    await this.page.waitForFunction((n) => Number(document.querySelector('canvas').dataset.draws) > n, draws);
  }

  monthTable() {
    return this.page.getByRole('table', { name: /month by month/i });
  }

  streamNames() {
    return this.page.locator('fieldset.stream legend').allInnerTexts();
  }
}
