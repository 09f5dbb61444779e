import { renderToString } from "preact-render-to-string";

/**
 * The HTML alternative of an outgoing e-mail, derived from its plain text only: paragraphs and line
 * breaks, everything escaped by the renderer — a citizen's or agent's text can never become markup.
 */
export function textToEmailHtml(text: string, lang = "fr"): string {
  const paragraphs = text.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  return `<!doctype html>${renderToString(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
      </head>
      <body style="font-family: sans-serif; line-height: 1.5">
        {paragraphs.map((paragraph) => (
          <p>{paragraph.split("\n").flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
        ))}
      </body>
    </html>,
  )}`;
}
