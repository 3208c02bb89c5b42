import type { Locator, Page } from 'playwright-core';

/** Page object of the command palette and the shortcut sheet (UI.md S14). */
export class PalettePage {
  constructor(readonly page: Page) {}

  palette(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  /** The palette's search field. */
  search(): Locator {
    return this.palette().getByLabel('Search or run a command');
  }

  /** Opens the palette with `keys` (Control+K by default) and waits for its field. */
  async open(keys = 'Control+K'): Promise<void> {
    await this.page.keyboard.press(keys);
    await this.search().waitFor();
  }

  /** An entry of the results, by its visible name. */
  entry(name: string | RegExp): Locator {
    return this.palette().getByRole('menuitem', { name });
  }

  /** A group of results by its title ("Go to", "Actions", or the typed reference). */
  group(title: string): Locator {
    return this.palette().getByRole('group', { name: title });
  }

  /** Types into the search field. */
  async type(text: string): Promise<void> {
    await this.search().pressSequentially(text);
  }

  /** Pastes `text` from the clipboard into the search field, as Ctrl+V does. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate(
      (t) =>
        (
          globalThis as unknown as {
            navigator: { clipboard: { writeText(text: string): Promise<void> } };
          }
        ).navigator.clipboard.writeText(t),
      text,
    );
    await this.search().press('Control+V');
  }

  /** Opens the repository of `reference` the quickest way: palette, paste, Enter. */
  async openReference(reference: string): Promise<void> {
    await this.open();
    await this.paste(reference);
    await this.search().press('Enter');
    await this.palette().waitFor({ state: 'detached' });
  }

  shortcutSheet(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** The row of the shortcut sheet that does `label`. */
  shortcut(label: string): Locator {
    return this.shortcutSheet().getByRole('row', { name: new RegExp(`^${label}`) });
  }
}
