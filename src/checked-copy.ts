/**
 * Reading untrusted data against a valibot schema without trusting anything around it.
 *
 * Only the data's own properties are read, each once, and only those the schema names;
 * what passes comes back as a frozen copy whose objects inherit nothing. So a page that
 * adds properties to `Object.prototype` changes nothing, a getter or proxy that answers
 * differently the second time cannot slip past the check, and changing the original
 * afterwards does not reach the screen. The schema's depth bounds the walk, so a cycle in
 * the data ends it like any other wrong value.
 *
 * valibot's own parser is not used at run time: it looks properties up through the
 * prototype chain (`key in input`, `for … in` over a schema's entries, `dataset.issues` on
 * its own objects), so a polluted `Object.prototype` changes its answers or makes it loop
 * forever. This walker knows the few schema kinds and actions the campaign format uses:
 * objects, optional entries, lists that must not be empty or have a maximum length, and
 * custom schemas (which check a whole value with one function). It reads a schema's own
 * properties only too, and tells the kinds apart by which of them it has.
 */

/** One problem found, with the JSON path of the value it is about. */
export interface Problem {
  /** Where, e.g. `letter.demands` or `signatories[2].party`; `(root)` for the whole value. */
  path: string;
  message: string;
}

/** The fields of a valibot schema or action that the walker reads. */
interface Node {
  /** An object's fields. */
  entries?: Record<string, Node>;
  /** A list's items. */
  item?: Node;
  /** What an optional field holds when it is there. */
  wrapped?: Node;
  /** A custom schema's check of the whole value, and its message: a function of the value. */
  check?: (input: unknown) => boolean;
  message?: string | ((issue: { input: unknown }) => string);
  /** A list's maximum length (max_length); none: the list must not be empty (non_empty). */
  requirement?: number;
  /** The schema itself, then its validations. */
  pipe?: Node[];
}

/**
 * What every object of the copy inherits from: nothing. An object with no properties and no
 * prototype, frozen, so a page's `Object.prototype` is out of the chain. (`Object.create(null)`
 * for each object would do the same, but V8 keeps such objects in its slow dictionary mode:
 * checking and rendering thousands of signatories took twice as long.)
 */
const NOTHING = Object.freeze(Object.create(null));

/**
 * The copy of `data`, checked against `schema`: every problem found is added to `problems`, at
 * the path of its value, and with any problem the copy means nothing. Never throws: a getter
 * or proxy that throws is a problem where it was read.
 */
export function checkedCopy(schema: unknown, data: unknown, problems: Problem[]): unknown {
  /** The path of the value being read: where a getter or proxy that throws is reported. */
  let reading = '';
  const problem = (path: string, message: string): undefined => {
    problems.push({ path: path || '(root)', message });
  };

  /**
   * The copy of `value`, found at `path`. Where it does not match, the problems say so, and what
   * it returns does not matter: the copy is thrown away. (Callers set `reading` to the path in
   * the argument before the value's, so it is set before the value is read.)
   */
  const walk = (node: Node, path: string, value: unknown): unknown => {
    const wrapped = own(node, 'wrapped');
    if (value === undefined) return wrapped ? undefined : problem(path, 'is missing');
    node = wrapped ?? node;
    const entries = own(node, 'entries');
    const item = own(node, 'item');
    if (entries) {
      if (!isRecord(value)) return problem(path, `must be an object${Array.isArray(value) ? ', not a list' : ''}`);
      return frozenRecord(Object.keys(entries), (key) =>
        walk(entries[key], (reading = path ? `${path}.${key}` : key), own(value, key)),
      );
    }
    if (item) {
      if (!Array.isArray(value)) return problem(path, 'must be a list');
      const { length } = value;
      // The length first, so an over-long list is not walked item by item. A list is empty or
      // too long, never both: the one limit it breaks is its problem.
      const limit = own(node, 'pipe')
        ?.slice(1)
        .find((action) => {
          const max = own(action, 'requirement');
          return max === undefined ? !length : length > max;
        });
      if (limit) return problem(path, limit.message as string);
      const copy: unknown[] = [];
      for (let index = 0; index < length; index++)
        copy.push(walk(item, (reading = `${path}[${index}]`), own(value, index)));
      return Object.freeze(copy);
    }
    // A custom schema checks a flat value (a text: a string, or an object of strings): check a copy.
    const copy = isRecord(value) ? frozenRecord(Object.keys(value), (key) => value[key]) : value;
    if (!node.check!(copy)) problem(path, (node.message as (issue: { input: unknown }) => string)({ input: copy }));
    return copy;
  };

  try {
    return walk(schema as Node, '', data);
  } catch {
    // A getter or a proxy in the data threw. Its error is not even looked at: it could throw again.
    return problem(reading, 'could not be read');
  }
}

/**
 * A frozen object that inherits nothing, of `keys` and their values. A value that is undefined
 * (which JSON cannot hold) leaves its key out, as an optional field that is not there.
 */
function frozenRecord(keys: string[], valueOf: (key: string) => unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(NOTHING);
  for (const key of keys) {
    const value = valueOf(key);
    if (value !== undefined) copy[key] = value;
  }
  return Object.freeze(copy);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && !!value && !Array.isArray(value);
}

/** An own property, never one inherited from a (possibly polluted) prototype. */
function own<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
