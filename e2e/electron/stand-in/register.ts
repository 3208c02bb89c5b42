/**
 * Makes `import … from 'electron'` load the stand-in (`electron.ts`) in this process: import
 * this module first (`node --import tsx --import ./e2e/electron/stand-in/register.ts …`, or
 * from a test before the built main process is imported).
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
