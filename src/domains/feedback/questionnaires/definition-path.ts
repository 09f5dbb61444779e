/**
 * Says where a JSON pointer of a definition is, in words an admin finds in the text:
 * "/sections/0/fields/2/options/1/label" → "Section 1, question 3 (« aide »), réponse 2, « label »".
 */
const LIST_NAMES: Record<string, string> = {
  sections: "section",
  fields: "question",
  options: "réponse",
  qualityOptions: "niveau de qualité",
};

function child(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value[Number(key)];
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function describePath(root: unknown, path: string): string {
  const keys = path.split("/").slice(1);
  const parts: string[] = [];
  let value = root;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const next = keys[index + 1];
    const list = LIST_NAMES[key];
    if (list && next !== undefined && /^\d+$/.test(next)) {
      value = child(child(value, key), next);
      const id = child(value, "id");
      const named = list === "question" && typeof id === "string" && id !== "" ? ` (« ${id} »)` : "";
      parts.push(`${list} ${Number(next) + 1}${named}`);
      index++;
    } else {
      value = child(value, key);
      parts.push(`« ${key} »`);
    }
  }
  const text = parts.join(", ");
  return text === "" ? "Définition" : text.charAt(0).toUpperCase() + text.slice(1);
}
