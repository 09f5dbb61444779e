/** The one body format of local content: plain text, never HTML. */
export type LocalBodyBlock = { type: "paragraph"; text: string } | { type: "list"; items: string[] };

const LIST_ITEM = /^\s*-\s+/;

/**
 * Blank lines separate blocks; in a block, lines starting with "- " are list items and other
 * lines join into one paragraph. A block mixing both is split where the kind changes.
 */
export function parseLocalBody(body: string): LocalBodyBlock[] {
  const blocks: LocalBodyBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
      if (items.length > 0) blocks.push({ type: "list", items });
      paragraph = [];
      items = [];
    };
    for (const rawLine of chunk.split("\n")) {
      const line = rawLine.trim();
      if (line === "") continue;
      if (LIST_ITEM.test(rawLine)) {
        if (paragraph.length > 0) flush();
        items.push(line.replace(/^-\s+/, ""));
      } else if (items.length > 0 && /^\s+/.test(rawLine)) {
        // An indented line continues the previous list item.
        items[items.length - 1] += ` ${line}`;
      } else {
        if (items.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** The body as searchable plain text (list markers removed). */
export function localBodyText(body: string): string {
  return parseLocalBody(body)
    .map((block) => (block.type === "paragraph" ? block.text : block.items.join("\n")))
    .join("\n\n");
}
