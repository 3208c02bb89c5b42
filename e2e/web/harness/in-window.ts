import { openWindow, type WindowOptions, type WindowSession } from './window-session.js';

/**
 * Runs `body` in a window of its own (a fresh profile, STYLE §15) as the step `name`, which
 * keeps a screenshot and the console log when it fails, and closes the window after.
 */
export async function inWindow(
  name: string,
  body: (session: WindowSession) => Promise<void>,
  options: WindowOptions = {},
): Promise<void> {
  const session = await openWindow(options);
  try {
    await session.step(name, () => body(session));
  } finally {
    await session.close();
  }
}
