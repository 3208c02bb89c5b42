import type { Page } from 'playwright-core';
import { FramePage } from './frame-page.js';
import { PalettePage } from './palette-page.js';
import { SettingsPage } from './settings-page.js';

/** The page objects of the frame, the palette and Settings over one page. */
export function windowPages(page: Page) {
  return {
    frame: new FramePage(page),
    palette: new PalettePage(page),
    settings: new SettingsPage(page),
  };
}
