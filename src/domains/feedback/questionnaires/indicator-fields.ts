/**
 * The questions the analysis reads (answer-indicators.ts): a field with an `indicator`, the JDMA's
 * channels_tried block and an NPS question. A new version of a standard questionnaire must keep each of
 * them, with the same id, type and indicator, or the town's figures would silently stop or mix.
 */
import {
  fieldsOf,
  type QuestionnaireDefinition,
  type QuestionnaireField,
} from "../questionnaire-definition.ts";
import type { DefinitionError } from "./check-definition.ts";

const INDICATOR_LABELS: Record<string, string> = {
  satisfaction: "satisfaction",
  clarity: "clarté",
  help_sought: "aide recherchée",
  csat: "satisfaction (CSAT)",
  channels_tried: "aide de l'administration",
  nps: "recommandation (NPS)",
};

/** The indicator a field feeds, or null. */
export function indicatorOf(field: QuestionnaireField): string | null {
  if ("indicator" in field && field.indicator) return field.indicator;
  if (field.type === "channels_tried" || field.type === "nps") return field.type;
  return null;
}

function pathOf(definition: QuestionnaireDefinition, id: string): string {
  for (const [s, section] of definition.sections.entries()) {
    const f = section.fields.findIndex((field) => field.id === id);
    if (f >= 0) return `/sections/${s}/fields/${f}`;
  }
  return "";
}

/** What `next` breaks of `previous`'s indicator questions; empty when all are kept. */
export function indicatorProblems(
  previous: QuestionnaireDefinition,
  next: QuestionnaireDefinition,
): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const kept = new Map(fieldsOf(next).map((field) => [field.id, field]));
  for (const field of fieldsOf(previous)) {
    const indicator = indicatorOf(field);
    if (!indicator) continue;
    const name = `la question « ${field.id} » (indicateur « ${INDICATOR_LABELS[indicator] ?? indicator} »)`;
    const why = "l'analyse des avis en dépend. Vous pouvez changer son libellé, pas la retirer.";
    const now = kept.get(field.id);
    const path = pathOf(next, field.id);
    if (!now) {
      errors.push({ path, message: `Gardez ${name} : ${why}` });
    } else if (now.type !== field.type) {
      errors.push({
        path: `${path}/type`,
        message: `${capitalised(name)} doit rester de type « ${field.type} » : ${why}`,
      });
    } else if (indicatorOf(now) !== indicator) {
      errors.push({
        path: `${path}/indicator`,
        message: `${capitalised(name)} doit garder « indicator »: "${indicator}" : ${why}`,
      });
    } else if (
      field.type === "channels_tried" &&
      now.type === "channels_tried" &&
      now.source !== field.source
    ) {
      errors.push({
        path: `${path}/source`,
        message: `${capitalised(name)} doit garder la source « ${field.source} » : ${why}`,
      });
    }
  }
  return errors;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
