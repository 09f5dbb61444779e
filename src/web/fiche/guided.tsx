/**
 * "Recherche guidée" pages (Problematiques: a tree of questions ending on links) and the
 * questionnaire service-public.fr uses to personalise a fiche. Without script both are shown whole.
 */
import { elements, firstElement, type XmlNode } from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { Heading, renderBlocks } from "./blocks.tsx";
import { renderInline, renderTitle } from "./inline.tsx";
import type { FicheRenderContext } from "./render-context.ts";

function BranchParts(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const { node, ctx } = props;
  const branches = elements(node, "Branche");
  return (
    <>
      {elements(node).map((child) => {
        switch (child.name) {
          case "Titre":
          case "Branche":
            return null;
          case "LienInterne":
            return <p>{renderInline([child], ctx)}</p>;
          default:
            return renderBlocks([child], ctx, 6);
        }
      })}
      {branches.length > 0 ? (
        <ul>
          {branches.map((branch) => (
            <li>
              <p class="branch-title">{renderTitle(firstElement(branch, "Titre"), ctx)}</p>
              <BranchParts node={branch} ctx={ctx} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function GuidedSearch(props: { node: XmlNode; ctx: FicheRenderContext }) {
  return (
    <>
      {elements(props.node, "Problematique").map((problem) => (
        <section>
          <Heading level={2}>{renderTitle(firstElement(problem, "Titre"), props.ctx)}</Heading>
          <BranchParts node={problem} ctx={props.ctx} />
        </section>
      ))}
    </>
  );
}

export function Questionnaire(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const questions = elements(props.node, "Question");
  return (
    <section class="questionnaire">
      <Heading level={2}>Les situations prévues par cette fiche</Heading>
      {renderBlocks(elements(props.node, "Description"), props.ctx, 3)}
      <ul>
        {questions.map((question) => (
          <li>
            {renderTitle(firstElement(question, "Titre"), props.ctx)} :{" "}
            {elements(question, "Choix")
              .map((choice) => renderTitle(firstElement(choice, "Titre"), props.ctx))
              .flatMap((label, index) => (index === 0 ? [label] : [" / ", label]))}
            {renderBlocks(elements(question, "Aide"), props.ctx, 6)}
          </li>
        ))}
      </ul>
    </section>
  );
}
