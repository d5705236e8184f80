// Reading parsed HTML (parse5's tree, as a browser parses it) in tests: find elements,
// their attributes and their text.

/** Every element below `node` (template contents included) for which `predicate` holds, in document order. */
export function elements(node, predicate, found = []) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName && predicate(child)) found.push(child);
    elements(child.content ?? child, predicate, found);
  }
  return found;
}
export const byTag = (node, tag) => elements(node, (element) => element.tagName === tag);
export const textOf = (node) => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(textOf).join(''));
export const attribute = (node, name) => node.attrs?.find((attr) => attr.name === name)?.value;
export const hasClass = (node, name) => (attribute(node, 'class') ?? '').split(/\s+/).includes(name);
