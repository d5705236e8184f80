// Stands in for @lit/localize/internal/runtime-msg.js in the one-file build (see
// vite.config.ts), with only what the block's messages use: each msg() names its id
// ({ id: 'loading' }), so the runtime never hashes a message to find it (about 0.3 KB
// gzip), and each is a string or a str`` template, never html``. A msg() without an id,
// or with html``, fails loudly.
import { joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import { leftOut } from './left-out.js';

export function runtimeMsg(templates, template, options) {
  const message = templates?.[options?.id ?? leftOut('msg() without an id')] || template;
  if (typeof message === 'string') return message;
  if (!('strTag' in message)) leftOut('html`` in msg()');
  // The translation of a str`` template holds, in the place of each value, its index in the source.
  return joinStringsAndValues(message.strings, template.values, message === template ? undefined : message.values);
}
