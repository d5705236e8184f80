// How every library stub of the one-file build (see vite.config.ts) fails when something
// calls what it left out: loudly, saying what.
export const leftOut = (what) => {
  throw new Error(`<open-letter>: left out of this build: ${what}`);
};
