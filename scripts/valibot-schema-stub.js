// Stands in for valibot in the one-file build (see vite.config.ts). The block checks a
// campaign with its own walker (src/checked-copy.ts), which reads only what a valibot
// schema describes — its type, entries, item, requirement, check and message — never
// valibot's parsers, which look properties up through a page's possibly polluted
// prototypes. So the build keeps the descriptions and leaves the parsers (about 1 KB gzip)
// out. Every constructor src/campaign-schema.ts uses is here, with valibot's own field
// names for what the walker reads (test/hardening-schema.test.ts compares them with valibot's).
const node = (type, fields) => ({ type, ...fields });

export const object = (entries) => node('object', { entries });
export const array = (item) => node('array', { item });
export const string = () => node('string');
export const literal = (literal, message) => node('literal', { literal, message });
export const optional = (wrapped) => node('optional', { wrapped });
export const custom = (check, message) => node('custom', { check, message });
export const pipe = (...items) => ({ ...items[0], pipe: items });
export const check = (requirement, message) => node('check', { requirement, message });
export const minLength = (requirement, message) => node('min_length', { requirement, message });
export const maxLength = (requirement, message) => node('max_length', { requirement, message });
