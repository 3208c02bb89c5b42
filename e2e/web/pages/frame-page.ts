import type { Locator, Page } from 'playwright-core';

/** Page object of the window's frame (UI.md §1): what the keyboard shows and hides. */
export class FramePage {
  constructor(readonly page: Page) {}

  /** The toolbar's breadcrumb, as one line ("Settings", "tester @ host › genomics/bwa"). */
  async breadcrumb(): Promise<string> {
    const text = await this.page.getByRole('banner').locator('ol').innerText();
    return text.replace(/\s*\n\s*/g, ' ').trim();
  }

  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Registries' });
  }

  details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' });
  }

  /** The transfers drawer's splitter: there exactly while the drawer is open. */
  drawer(): Locator {
    return this.page.getByRole('separator', { name: 'Resize the transfers drawer' });
  }

  /** Presses `keys` with focus on the page's body, where no field takes them. */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}
