/** The body of a town's own content: plain text to paragraphs and lists. Never HTML from the database. */
import { parseLocalBody } from "../../domains/knowledge/local/index.ts";

export function LocalBody(props: { body: string }) {
  return (
    <>
      {parseLocalBody(props.body).map((block) =>
        block.type === "paragraph" ? (
          <p>{block.text}</p>
        ) : (
          <ul>
            {block.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
