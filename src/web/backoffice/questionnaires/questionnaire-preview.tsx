import type { QuestionnaireDefinition } from "../../../domains/feedback/index.ts";
import { FEEDBACK_CSS } from "../../pages/feedback/feedback-page.tsx";
import { QuestionnaireFields } from "../../pages/feedback/questionnaire-form.tsx";

/**
 * A version as citizens see it, drawn by the public form's own component with its stylesheet, inside a
 * disabled fieldset: nothing can be answered or sent from the back office.
 */
export function QuestionnairePreview(props: { definition: QuestionnaireDefinition; heading: string }) {
  return (
    <section aria-labelledby="_apercu-titre" class="bo-panel">
      <link rel="stylesheet" href={FEEDBACK_CSS} />
      <h2 id="_apercu-titre">{props.heading}</h2>
      <div class="feedback-form questionnaire-preview">
        <fieldset disabled>
          <legend>{props.definition.title}</legend>
          {props.definition.intro ? <p class="lead">{props.definition.intro}</p> : null}
          <QuestionnaireFields definition={props.definition} values={{}} errors={{}} sectionHeading="h3" />
        </fieldset>
      </div>
    </section>
  );
}
