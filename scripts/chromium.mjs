// How this project starts Debian's Chromium, for the tests and the benchmark alike:
// as root it needs --no-sandbox, and without the background-networking flags it keeps
// trying hosts the closed network refuses.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
