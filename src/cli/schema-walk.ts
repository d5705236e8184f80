/** Walking the campaign schema alongside the data: the schema of a path, and every text in the data. */
import { campaignSchema, textSchema } from '../campaign-schema.js';

/** The parts of a valibot schema we walk: objects, arrays, optionals (a pipe keeps its first schema's fields). */
export interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  while (node?.type === 'optional') node = node.wrapped;
  return node;
}

/** The schema of the field at `keys`. */
export function schemaAt(keys: (string | number)[]): SchemaNode | undefined {
  let node = unwrap(campaignSchema as unknown as SchemaNode);
  for (const key of keys) {
    node = unwrap(typeof key === 'number' ? node?.item : node?.entries?.[key]);
  }
  return node;
}

/**
 * Every text in the data (a field whose schema is `textSchema`), with its path.
 * Walking the schema rather than listing fields here keeps new text fields covered;
 * it tolerates data of the wrong shape, so an invalid campaign gets its warnings too.
 */
export function* textsIn(node: SchemaNode | undefined, value: unknown, path: string): Generator<[string, unknown]> {
  node = unwrap(node);
  if (!node || value === undefined) return;
  if (node === (textSchema as unknown)) {
    yield [path, value];
  } else if (
    node.type === 'object' &&
    node.entries &&
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value)
  ) {
    for (const [key, child] of Object.entries(node.entries)) {
      yield* textsIn(child, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    }
  } else if (node.type === 'array' && node.item && Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textsIn(node.item, item, `${path}[${index}]`);
  }
}
