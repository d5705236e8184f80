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
 * forever. This walker knows the few schema kinds and actions the campaign format uses.
 */

/** One problem found, with the JSON path of the value it is about. */
export interface Problem {
  /** Where, e.g. `letter.demands` or `signatories[2].party`; `(root)` for the whole value. */
  path: string;
  message: string;
}

/** The fields of a valibot schema or action that the walker reads. */
interface Node {
  kind: string;
  type: string;
  message?: string | ((issue: { input: unknown }) => string);
  entries?: Record<string, Node>;
  item?: Node;
  wrapped?: Node;
  options?: readonly unknown[];
  literal?: unknown;
  check?: (input: unknown) => boolean;
  requirement?: unknown;
  pipe?: Node[];
}

const INVALID = Symbol();

/**
 * What every object of the copy inherits from: nothing. An object with no properties and no
 * prototype, frozen, so a page's `Object.prototype` is out of the chain. (`Object.create(null)`
 * for each object would do the same, but V8 keeps such objects in its slow dictionary mode:
 * checking and rendering thousands of signatories took twice as long.)
 */
const NOTHING = Object.freeze(Object.create(null));

/** What a schema without a message of its own expects, by its type. */
const EXPECTED: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string' };

export class CheckedCopy {
  readonly problems: Problem[] = [];
  /** The keys from the root to the value being read; a path is written out only when it is reported. */
  readonly #keys: (string | number)[] = [];

  /** The copy of `value` if it matches `schema`, else undefined (and `problems` say why). */
  of<T>(schema: unknown, value: unknown): T | undefined {
    const copy = this.#walk(schema as Node, value);
    return copy === INVALID ? undefined : (copy as T);
  }

  /** The path of the value being read: where a getter or proxy that throws is reported. */
  get reading(): string {
    return (
      this.#keys.reduce<string>(
        (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key),
        '',
      ) || '(root)'
    );
  }

  #walk(node: Node, value: unknown): unknown {
    const { actions, keys } = planOf(node);
    const at = this.#keys;
    switch (node.type) {
      case 'object': {
        if (!isRecord(value)) break;
        const copy: Record<string, unknown> = Object.create(NOTHING);
        let valid = true;
        for (const key of keys) {
          let child = node.entries![key];
          at.push(key);
          const item = own(value, key);
          if (item !== undefined) {
            if (child.type === 'optional') child = child.wrapped!;
            const itemCopy = this.#walk(child, item);
            if (itemCopy === INVALID) valid = false;
            else copy[key] = itemCopy;
          } else if (child.type !== 'optional') valid = this.#problem('is missing');
          at.pop();
        }
        return valid ? Object.freeze(copy) : INVALID;
      }
      case 'array': {
        if (!Array.isArray(value)) break;
        const { length } = value;
        // The count first: an over-long list is not walked item by item.
        if (!this.#validate(actions, length, value)) return INVALID;
        const copy: unknown[] = [];
        let valid = true;
        for (let index = 0; index < length; index++) {
          at.push(index);
          const itemCopy = this.#walk(node.item!, own(value, index));
          if (itemCopy === INVALID) valid = false;
          else copy.push(itemCopy);
          at.pop();
        }
        return valid ? Object.freeze(copy) : INVALID;
      }
      case 'string':
        if (typeof value !== 'string') break;
        return this.#validate(actions, value.length, value) ? value : INVALID;
      case 'literal':
        if (value === node.literal) return value;
        break;
      case 'picklist':
        if (node.options!.includes(value)) return value;
        break;
      case 'custom': {
        // A custom schema checks a flat value (a text: a string, or an object of strings): check a copy.
        let copy = value;
        if (isRecord(value)) {
          const record: Record<string, unknown> = Object.create(NOTHING);
          for (const key of Object.keys(value)) record[key] = value[key];
          copy = Object.freeze(record);
        }
        if (node.check!(copy)) return copy;
        value = copy;
      }
    }
    this.#problem(messageOf(node, value));
    return INVALID;
  }

  /** Runs every validation of a pipe, as valibot does: a date can be malformed and unreal at once. */
  #validate(actions: Node[], length: number, value: unknown): boolean {
    let valid = true;
    for (const action of actions) {
      const requirement = action.requirement as number;
      const passes =
        action.type === 'min_length'
          ? length >= requirement
          : action.type === 'max_length'
            ? // Characters are code points, as JSON Schema counts them; the UTF-16 length is never smaller.
              length <= requirement || (typeof value === 'string' && [...value].length <= requirement)
            : action.type === 'non_empty'
              ? length > 0
              : action.type === 'regex'
                ? (action.requirement as RegExp).test(value as string)
                : (action.requirement as (input: unknown) => boolean)(value);
      if (!passes) valid = this.#problem(messageOf(action, value));
    }
    return valid;
  }

  #problem(message: string): false {
    this.problems.push({ path: this.reading, message });
    return false;
  }
}

/** What the walker needs of each schema, found once: a campaign has thousands of values of few schemas. */
interface Plan {
  /** The validations of the schema's pipe, nested pipes included. */
  actions: Node[];
  /** An object schema's keys. */
  keys: string[];
}

const plans = new WeakMap<Node, Plan>();

function planOf(node: Node): Plan {
  let plan = plans.get(node);
  if (!plan) {
    const actions =
      own(node, 'pipe')?.flatMap((item) =>
        item.kind === 'validation' ? [item] : item.kind === 'schema' ? planOf(item).actions : [],
      ) ?? [];
    plan = { actions, keys: node.type === 'object' ? Object.keys(node.entries!) : [] };
    plans.set(node, plan);
  }
  return plan;
}

function messageOf(node: Node, input: unknown): string {
  const message = own(node, 'message');
  return typeof message === 'function'
    ? message({ input })
    : (message ?? `must be ${own(EXPECTED, node.type) ?? 'valid'}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited from a (possibly polluted) prototype. */
function own<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
