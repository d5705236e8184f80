// One desktop with Orca and one test server for every screen-reader test in this
// process: starting Orca costs seconds, a page group needs only a fresh browser.
import { after } from 'node:test';
import { Browser } from './browser.mjs';
import { Desktop } from './desktop.mjs';
import { ScreenReaderUser } from './screen-reader-user.mjs';
import { TestServer } from './test-server.mjs';

let started;

function session() {
  started ??= (async () => {
    const server = await new TestServer().start();
    try {
      return { server, desktop: await Desktop.start() };
    } catch (error) {
      await server.stop();
      throw error;
    }
  })();
  return started;
}

after(async () => {
  if (!started) return;
  const { server, desktop } = await started.catch(() => ({}));
  await desktop?.stop();
  await server?.stop();
});

/**
 * A screen-reader user with a fresh `engine` browser window on the shared desktop;
 * `close()` ends that browser (and with OPEN_LETTER_TRANSCRIPT=1 prints what was heard,
 * passed or not).
 */
export async function screenReaderUser(engine) {
  const { server, desktop } = await session();
  const browser = new Browser(desktop, engine);
  const user = new ScreenReaderUser(desktop, browser);
  const close = async () => {
    if (process.env.OPEN_LETTER_TRANSCRIPT) console.log(user.transcript(Infinity));
    await browser.close();
  };
  return { server, user, close };
}
