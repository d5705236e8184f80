/**
 * Escaping for the parts of the static pages that are written as strings (the head,
 * the oEmbed snippet): every campaign text becomes text, in element content and in
 * attribute values alike. Attribute values are always written in double quotes, so a
 * single quote needs no escape. The page bodies are Lit templates, which escape by
 * themselves.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ENTITIES[character]);
}
