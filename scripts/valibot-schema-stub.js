// Stands in for valibot in the one-file build (see vite.config.ts). The block checks a
// campaign with its own walker (src/checked-copy.ts), which reads only what a valibot
// schema describes — entries, item, wrapped, check, requirement, message and pipe — never
// valibot's parsers, which look properties up through a page's possibly polluted
// prototypes. So the build keeps the descriptions and leaves the parsers (about 1 KB gzip)
// out. Every constructor src/campaign-schema.ts uses is here, with valibot's own field
// names for what the walker reads (test/hardening-schema.test.ts compares them with valibot's);
// the walker tells the kinds apart by which fields a schema has, so no `type` is needed.
export const object = (entries) => ({ entries });
export const array = (item) => ({ item });
export const optional = (wrapped) => ({ wrapped });
export const custom = (check, message) => ({ check, message });
export const pipe = (...items) => ({ ...items[0], pipe: items });
export const maxLength = (requirement, message) => ({ requirement, message });
export const nonEmpty = (message) => ({ message });
