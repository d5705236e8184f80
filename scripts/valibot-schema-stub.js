// Stands in for valibot in the one-file build (see vite.config.ts). The block checks a
// campaign with its own walker (src/checked-copy.ts), which reads only what a valibot
// schema describes — its type, entries, item, requirement, check and message — never
// valibot's parsers, which look properties up through a page's possibly polluted
// prototypes. So the build keeps the descriptions and leaves the parsers (about 1 KB gzip)
// out. Every constructor src/campaign-schema.ts uses is here, with valibot's own field
// names for what the walker reads (test/hardening-schema.test.ts compares them with valibot's).
const validation = (type) => (requirement, message) => ({ type, requirement, message });

export const object = (entries) => ({ type: 'object', entries });
export const array = (item) => ({ type: 'array', item });
export const string = () => ({ type: 'string' });
export const optional = (wrapped) => ({ type: 'optional', wrapped });
export const custom = (check, message) => ({ type: 'custom', check, message });
export const pipe = (...items) => ({ ...items[0], pipe: items });
export const check = validation('check');
export const minLength = validation('min_length');
export const maxLength = validation('max_length');
