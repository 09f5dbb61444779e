/**
 * Demo testimonials, suggestions and improvement actions of the fictional "Ville de Démo": published
 * stories with their validated replies, one waiting for validation, one to moderate, a few suggestions,
 * and actions realised / in progress for "Vous avez dit, nous avons fait". Replies are drafted by the
 * demo agent and validated by a demo supervisor (four eyes, as in real use). Does nothing once the
 * organisation has a testimonial.
 */
import {
  changeImprovementActionStatus,
  createImprovementAction,
  linkFeedbackToAction,
  submitSuggestion,
  updateImprovementAction,
} from "../domains/feedback/actions/index.ts";
import {
  approveTestimonial,
  draftTestimonialReply,
  flagImprovement,
  submitTestimonial,
  type TestimonialForm,
  validateTestimonialReply,
} from "../domains/feedback/testimonials/index.ts";
import { createAgent, findAgentByEmail } from "../domains/identity/index.ts";
import { isAppError } from "../shared/app-error.ts";
import { type Clock, fixedClock } from "../shared/clock.ts";
import type { RootDb } from "../shared/database.ts";
import type { Logger } from "../shared/logger.ts";
import { DEMO_AGENT } from "./seed-cases.ts";

export const DEMO_SUPERVISOR = {
  email: "supervision@demo.guichet.local",
  displayName: "Camille Supervision (démo)",
  password: DEMO_AGENT.password,
} as const;

type DemoTestimonial = {
  daysAgo: number;
  form: TestimonialForm;
  reply?: string;
  stage: "published" | "drafted" | "new";
};

const TESTIMONIALS: DemoTestimonial[] = [
  {
    daysAgo: 40,
    stage: "published",
    form: {
      canal: "guichet",
      titre: "Passeport refait à temps pour le voyage",
      recit:
        "Mon passeport expirait deux semaines avant un départ. L'agente de l'accueil a vérifié mon dossier sur place, m'a signalé le justificatif de domicile trop ancien et m'a trouvé un créneau le lendemain. Tout était prêt à temps.",
      ressenti: "satisfait",
      etiquettes: ["accueil", "etat-civil"],
    },
    reply:
      "Merci pour votre message, que nous avons transmis à l'équipe de l'accueil. Vérifier les pièces avant le rendez-vous évite bien des allers-retours : c'est ce que nous essayons de faire pour chacun.",
  },
  {
    daysAgo: 30,
    stage: "published",
    form: {
      canal: "telephone",
      titre: "Impossible de joindre le service urbanisme",
      recit:
        "J'ai appelé quatre fois en une semaine pour une question sur une déclaration préalable de travaux. Personne ne répond l'après-midi et aucun message n'indique les horaires.",
      ressenti: "mecontent",
      etiquettes: ["urbanisme", "horaires"],
    },
    reply:
      "Vous avez raison : le service urbanisme ne répondait au téléphone que le matin, sans que cela soit annoncé. Un message d'accueil donne désormais les horaires et vous pouvez aussi poser votre question par écrit depuis la page « Nous écrire ».",
  },
  {
    daysAgo: 12,
    stage: "published",
    form: {
      canal: "site",
      titre: "Inscription à la cantine en ligne, mais un justificatif en double",
      recit:
        "La démarche en ligne est pratique, mais on m'a redemandé par courrier l'attestation de quotient familial que j'avais déjà déposée sur le site.",
      ressenti: "mitige",
      etiquettes: ["demarche-en-ligne"],
    },
    reply:
      "Merci de nous l'avoir signalé. Les pièces déposées en ligne n'étaient pas transmises au service scolaire : c'est corrigé depuis la rentrée.",
  },
  {
    daysAgo: 4,
    stage: "drafted",
    form: {
      canal: "courriel",
      titre: "Réponse rapide pour une attestation d'accueil",
      recit:
        "J'ai écrit un dimanche soir pour une attestation d'accueil et j'ai reçu la liste des pièces dès le lundi matin. Merci !",
      ressenti: "satisfait",
      etiquettes: ["delais", "etat-civil"],
    },
    reply: "Merci pour ce retour qui fait plaisir à toute l'équipe.",
  },
  {
    daysAgo: 1,
    stage: "new",
    form: {
      canal: "guichet",
      titre: "Rampe d'accès difficile par temps de pluie",
      recit:
        "La rampe d'accès de la mairie est glissante quand il pleut, avec une poussette c'est compliqué. Il faudrait un revêtement antidérapant.",
      ressenti: "mitige",
      etiquettes: ["accessibilite"],
    },
  },
];

const SUGGESTIONS = [
  {
    daysAgo: 25,
    sujet: "Horaires",
    suggestion: "Ouvrir l'accueil un samedi matin par mois pour ceux qui travaillent en semaine.",
  },
  {
    daysAgo: 9,
    sujet: "Site internet",
    suggestion: "Indiquer sur chaque démarche le délai moyen de traitement.",
  },
  {
    daysAgo: 2,
    sujet: "Accueil",
    suggestion:
      "Un écran qui affiche les numéros d'appel dans la salle d'attente éviterait de demander son tour.",
  },
];

async function ensureAgent(
  db: RootDb,
  organisationId: string,
  clock: Clock,
  account: { email: string; displayName: string; password: string },
  roles: ("agent" | "admin")[],
): Promise<string> {
  const existing = await findAgentByEmail(db, { organisationId, email: account.email });
  if (existing) return existing.id;
  try {
    return (await createAgent(db, { organisationId, ...account, roles, clock })).id;
  } catch (error) {
    if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
    const agent = await findAgentByEmail(db, { organisationId, email: account.email });
    if (!agent) throw error;
    return agent.id;
  }
}

export async function seedDemoFeedbackTestimonials(options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
}): Promise<{ created: number }> {
  const { db, organisationId } = options;
  const any = await db
    .selectFrom("testimonials")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (any) return { created: 0 };
  const agent = {
    id: await ensureAgent(db, organisationId, options.clock, DEMO_AGENT, ["agent"]),
    roles: ["agent"] as const,
  };
  const supervisor = {
    id: await ensureAgent(db, organisationId, options.clock, DEMO_SUPERVISOR, ["agent", "admin"]),
    roles: ["agent", "admin"] as const,
  };
  const dayMs = 24 * 60 * 60 * 1000;
  const at = (daysAgo: number, hours = 0) =>
    fixedClock(new Date(options.clock.now().getTime() - daysAgo * dayMs + hours * 3_600_000));

  const ids: string[] = [];
  for (const demo of TESTIMONIALS) {
    const submitted = await submitTestimonial(db, {
      organisationId,
      form: demo.form,
      submissionKey: null,
      clock: at(demo.daysAgo),
    });
    if (!submitted.ok) throw new Error(`demo testimonial invalid: ${submitted.errors[0]?.field}`);
    ids.push(submitted.id);
    const base = { db, organisationId, testimonialId: submitted.id };
    if (demo.stage === "new") continue;
    await approveTestimonial({ ...base, actor: agent, clock: at(demo.daysAgo, 2) });
    if (demo.reply)
      await draftTestimonialReply({ ...base, actor: agent, clock: at(demo.daysAgo, 3), text: demo.reply });
    if (demo.stage === "published")
      await validateTestimonialReply({ ...base, actor: supervisor, clock: at(demo.daysAgo, 20) });
  }
  const suggestionIds: string[] = [];
  for (const s of SUGGESTIONS) {
    const result = await submitSuggestion(db, {
      organisationId,
      form: s,
      submissionKey: null,
      clock: at(s.daysAgo),
    });
    if (result.ok) suggestionIds.push(result.id);
  }

  // Realised: the phone hours, from the urbanism testimonial.
  const phone = await flagImprovement(db, {
    organisationId,
    testimonialId: ids[1] as string,
    actor: agent,
    clock: at(29),
  });
  await updateImprovementAction(db, {
    organisationId,
    actionId: phone.actionId,
    actor: agent,
    clock: at(28),
    form: {
      titre: "Annoncer les horaires du service urbanisme au téléphone",
      description: "Les appels de l'après-midi restaient sans réponse ni information.",
      resultat:
        "Un message d'accueil annonce les horaires (du lundi au vendredi, 9 h – 12 h) et propose d'écrire depuis « Nous écrire » ; une réponse écrite est faite sous 5 jours ouvrés.",
      responsable: agent.id,
    },
  });
  await changeImprovementActionStatus(db, {
    organisationId,
    actionId: phone.actionId,
    to: "en_cours",
    actor: agent,
    clock: at(27),
  });
  await changeImprovementActionStatus(db, {
    organisationId,
    actionId: phone.actionId,
    to: "realisee",
    actor: agent,
    clock: at(20),
  });

  // Realised: documents given online reach the school service.
  const school = await flagImprovement(db, {
    organisationId,
    testimonialId: ids[2] as string,
    actor: agent,
    clock: at(11),
  });
  await updateImprovementAction(db, {
    organisationId,
    actionId: school.actionId,
    actor: agent,
    clock: at(11),
    form: {
      titre: "Ne plus redemander les pièces déjà déposées en ligne",
      description: "Les justificatifs de l'inscription en ligne n'arrivaient pas au service scolaire.",
      resultat:
        "Les pièces déposées en ligne sont transmises automatiquement au service scolaire, qui ne les redemande plus.",
      responsable: "",
    },
  });
  await changeImprovementActionStatus(db, {
    organisationId,
    actionId: school.actionId,
    to: "realisee",
    actor: agent,
    clock: at(6),
  });

  // In progress: Saturday opening, from the suggestion box and a survey.
  const saturday = await createImprovementAction(db, {
    organisationId,
    actor: supervisor,
    clock: at(20),
    form: {
      titre: "Ouvrir l'accueil un samedi matin par mois",
      description: "Tester une ouverture le premier samedi du mois, de 9 h à 12 h.",
      resultat:
        "Un essai de trois mois commence le premier samedi du mois prochain ; la fréquentation décidera de la suite.",
      responsable: supervisor.id,
    },
    sources: [{ kind: "suggestion", suggestionId: suggestionIds[0] as string }],
  });
  if (saturday.ok) {
    await linkFeedbackToAction(db, {
      organisationId,
      actionId: saturday.id,
      actor: supervisor,
      clock: at(19),
      source: {
        kind: "reference",
        reference: "Questionnaire « Je donne mon avis », printemps",
        quote: "Les horaires d'ouverture ne conviennent pas quand on travaille.",
      },
    });
    await changeImprovementActionStatus(db, {
      organisationId,
      actionId: saturday.id,
      to: "en_cours",
      actor: supervisor,
      clock: at(15),
    });
  }
  // Envisaged only (not public): the ramp, flagged from the testimonial still to moderate.
  await flagImprovement(db, { organisationId, testimonialId: ids[4] as string, actor: agent, clock: at(0) });

  options.logger.info(
    { testimonials: ids.length, suggestions: suggestionIds.length, supervisor: DEMO_SUPERVISOR.email },
    "demo testimonials and improvement actions created",
  );
  return { created: ids.length };
}
