/**
 * A definition as the admin reads and edits it: indented JSON with the keys in a reading order ("type"
 * and "id" before "label", "sections" last). PostgreSQL's jsonb does not keep the order they were typed in.
 */
const FIRST = ["v", "type", "id", "value", "title", "label", "hint", "description", "intro", "required"];
const LAST = ["options", "qualityOptions", "fields", "sections"];

function rank(key: string): number {
  const first = FIRST.indexOf(key);
  if (first >= 0) return first;
  const last = LAST.indexOf(key);
  return last >= 0 ? 100 + last : 50;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([key, child]) => [key, ordered(child)]));
}

export function definitionJson(definition: unknown): string {
  return JSON.stringify(ordered(definition), null, 2);
}
