/**
 * What a theme or a folder holds: Theme → SousTheme → Dossier, Dossier → SousDossier → Fiche.
 * Links show the full title of the target (looked up once for the page), falling back to the
 * short label of the tree ("Première demande") when we do not hold the target.
 */
import {
  attr,
  elements,
  firstElement,
  textOf,
  type XmlNode,
} from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { Heading } from "./blocks.tsx";
import { renderTitle } from "./inline.tsx";
import type { FicheRenderContext } from "./render-context.ts";

const FOLDER_ELEMENTS = new Set(["SousTheme", "SousDossier", "Fiche", "Dossier"]);

export function isFolderElement(name: string): boolean {
  return FOLDER_ELEMENTS.has(name);
}

function EntryLinks(props: { entries: XmlNode[]; ctx: FicheRenderContext }) {
  return (
    <ul class="link-list">
      {props.entries.map((entry) => {
        const id = attr(entry, "ID") ?? "";
        const target = props.ctx.resolve(id);
        const label = textOf(firstElement(entry, "Titre") ?? entry);
        return <li>{target ? <a href={target.href}>{target.title || label}</a> : label}</li>;
      })}
    </ul>
  );
}

export function FolderContents(props: { publication: XmlNode; ctx: FicheRenderContext }) {
  const { publication, ctx } = props;
  const groups = elements(publication).filter((n) => n.name === "SousTheme" || n.name === "SousDossier");
  const loose = elements(publication).filter((n) => n.name === "Fiche" || n.name === "Dossier");
  const isTheme = attr(publication, "type") === "Theme";
  return (
    <>
      {groups.map((group) => (
        <section>
          <Heading level={2}>{renderTitle(firstElement(group, "Titre"), ctx)}</Heading>
          <EntryLinks
            entries={elements(group).filter((n) => n.name === "Fiche" || n.name === "Dossier")}
            ctx={ctx}
          />
        </section>
      ))}
      {loose.length > 0 ? (
        <section>
          <Heading level={2}>
            {groups.length > 0 ? "Autres pages" : isTheme ? "Dossiers de ce thème" : "Dans ce dossier"}
          </Heading>
          <EntryLinks entries={loose} ctx={ctx} />
        </section>
      ) : null}
    </>
  );
}
