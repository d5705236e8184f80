// Stands in for @lit/localize/internal/id-generation.js in the one-file build (see
// vite.config.ts). Every msg() in open-letter names its id ({ id: 'loading' }), so the
// runtime never hashes a message to find it; the hashing code (about 0.3 KB gzip) would
// only add to what every visitor downloads. A msg() without an id fails loudly.
export const generateMsgId = () => {
  throw new Error('<open-letter>: every msg() needs an explicit id in this build');
};
