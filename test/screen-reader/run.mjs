// `npm run test:screen-reader`: every screen-reader test in one process, so Orca and its
// desktop start once. Where Orca is not installed it skips, saying so, unless
// SCREEN_READER_TESTS=required (as `.ci/run` sets, after installing it).
import { existsSync } from 'node:fs';
import { screenReaderInstalled } from './desktop.mjs';

if (!screenReaderInstalled()) {
  const required = process.env.SCREEN_READER_TESTS === 'required';
  console.log(
    `${required ? 'Cannot run' : 'Skipping'} the screen-reader tests: Orca is not installed. To run them: ` +
      'apt-get install --no-install-recommends orca xvfb dbus-x11 at-spi2-core speech-dispatcher ' +
      'speech-dispatcher-espeak-ng xdotool',
  );
  process.exit(required ? 1 : 0);
}

if (!existsSync(new URL('../../dist/open-letter.js', import.meta.url))) {
  console.log('The screen-reader tests read the built block: run `npm run build` first.');
  process.exit(1);
}

await import('./letter.test.mjs');
await import('./long-list.test.mjs');
await import('./loading-and-failure.test.mjs');
