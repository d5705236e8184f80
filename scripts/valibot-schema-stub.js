// Stands in for valibot in the one-file build (see vite.config.ts). The block checks a
// campaign with its own walker (src/checked-copy.ts), which reads only what a valibot
// schema describes — its kind, type, entries, requirement and message — never valibot's
// parsers, which look properties up through a page's possibly polluted prototypes. So the
// build keeps the descriptions and leaves the parsers (about 1 KB gzip) out. Every
// constructor src/campaign-schema.ts uses is here, with valibot's own field names
// (test/hardening-schema.test.ts compares them with valibot's).
const schema = (type, fields) => ({ kind: 'schema', type, ...fields });
const validation = (type, requirement, message) => ({ kind: 'validation', type, requirement, message });

export const object = (entries, message) => schema('object', { entries, message });
export const array = (item, message) => schema('array', { item, message });
export const string = (message) => schema('string', { message });
export const literal = (literal, message) => schema('literal', { literal, message });
export const picklist = (options, message) => schema('picklist', { options, message });
export const optional = (wrapped) => schema('optional', { wrapped });
export const custom = (check, message) => schema('custom', { check, message });
export const pipe = (...items) => ({ ...items[0], pipe: items });
export const regex = (requirement, message) => validation('regex', requirement, message);
export const check = (requirement, message) => validation('check', requirement, message);
export const minLength = (requirement, message) => validation('min_length', requirement, message);
export const maxLength = (requirement, message) => validation('max_length', requirement, message);
export const nonEmpty = (message) => validation('non_empty', undefined, message);
