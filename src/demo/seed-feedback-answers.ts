/**
 * Living analysis for the demo: about 700 varied answers of the last four months on every channel, with
 * realistic comments (already free of personal data) and, in the last week, a burst of complaints about
 * the phone line, so "Sujets émergents" has something to show. Does nothing once the organisation has answers.
 */
import { ensureStandardQuestionnaires } from "../domains/feedback/index.ts";
import type { Clock } from "../shared/clock.ts";
import type { FeedbackChannel, RootDb } from "../shared/database.ts";
import type { Logger } from "../shared/logger.ts";
import { insertAnalysedAnswer } from "./insert-analysed-answer.ts";

const DAY = 86_400_000;
const COUNT = 700;

const COMMENTS = {
  positive: [
    "Très bien accueillie au guichet, l'agent a pris le temps de tout m'expliquer. Merci !",
    "Démarche en ligne simple et rapide, j'ai reçu mon récépissé tout de suite.",
    "Personnel aimable et souriant, rien à redire.",
    "Informations claires sur le site, je savais exactement quelles pièces apporter.",
    "Rendez-vous obtenu en deux jours, très efficace.",
    "Réponse à mon courriel le lendemain, précise et complète.",
    "Aucun souci, tout s'est bien passé.",
  ],
  mixed: [
    "Accueil correct mais délais beaucoup trop longs pour une simple attestation.",
    "Le formulaire en ligne est pratique mais la liste des pièces justificatives n'est pas claire.",
    "Agent compétent, mais les horaires d'ouverture ne sont pas pratiques quand on travaille.",
    "Bon accueil, mais impossible de se garer près de la mairie.",
  ],
  negative: [
    "J'ai envoyé mon dossier il y a deux mois et je n'ai jamais reçu de réponse.",
    "On m'a demandé trois fois les mêmes documents.",
    "Ce n'est pas clair du tout, je n'ai rien compris aux explications.",
    "Le site plante au moment du paiement, j'ai dû recommencer trois fois.",
    "Aucune nouvelle de ma demande, pas de suivi.",
    "On m'a renvoyé d'un service à l'autre, personne ne savait me répondre.",
    "Pas de créneau de rendez-vous avant six semaines.",
  ],
  burst: [
    "Impossible de joindre la mairie par téléphone depuis lundi, ça sonne dans le vide.",
    "Standard injoignable toute la semaine, très frustrant.",
    "J'ai appelé cinq fois, personne ne décroche au téléphone.",
  ],
} as const;

const CHANNELS: readonly FeedbackChannel[] = [
  "web",
  "web",
  "web",
  "email",
  "chat",
  "phone",
  "counter",
  "counter",
];
const TOPICS = ["F1341", "F1342", "F1427", "F1438", "F21089", null] as const;

/** Deterministic pseudo-random numbers: the demo looks the same at every start. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function seedDemoFeedbackAnswers(options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
}): Promise<{ created: number }> {
  const { db, organisationId, clock } = options;
  const existing = await db
    .selectFrom("feedback_answers")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { created: 0 };
  await ensureStandardQuestionnaires(db, { organisationId, clock });
  const questionnaires = await db
    .selectFrom("questionnaires")
    .select(["id", "kind"])
    .where("organisation_id", "=", organisationId)
    .where("kind", "in", ["jdma", "csat"])
    .execute();
  const jdma = questionnaires.find((q) => q.kind === "jdma");
  const csat = questionnaires.find((q) => q.kind === "csat");
  if (!jdma || !csat) return { created: 0 };
  const random = generator(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = clock.now().getTime();
  for (let i = 0; i < COUNT; i++) {
    const burst = i < 25;
    const age = burst ? random() * 6 * DAY : random() * 120 * DAY;
    const channel: FeedbackChannel = burst ? "phone" : pick(CHANNELS);
    const submittedAt = new Date(now - age - DAY / 24);
    if (!burst && random() < 0.15) {
      await insertAnalysedAnswer(db, {
        organisationId,
        questionnaireId: csat.id,
        kind: "csat",
        channel: "chat",
        submittedAt,
        csat: 1 + Math.floor(random() * 5),
      });
      continue;
    }
    const mood = burst ? 0 : random();
    const satisfaction = mood > 0.45 ? 10 : mood > 0.2 ? 5 : 0;
    const autonomous = random() < 0.35;
    const tried = autonomous ? 0 : 1 + Math.floor(random() * 2);
    const reached = burst ? 0 : Math.min(tried, Math.round(tried * (0.4 + mood * 0.6)));
    const comments = burst
      ? COMMENTS.burst
      : satisfaction === 10
        ? COMMENTS.positive
        : satisfaction === 5
          ? COMMENTS.mixed
          : COMMENTS.negative;
    await insertAnalysedAnswer(db, {
      organisationId,
      questionnaireId: jdma.id,
      kind: "jdma",
      channel,
      topic: pick(TOPICS),
      submittedAt,
      satisfaction,
      clarity: Math.max(1, Math.min(5, Math.round(1 + mood * 4 + (random() - 0.5)))),
      helpSought: autonomous
        ? ["aucune"]
        : burst
          ? ["telephone"]
          : [pick(["guichet", "telephone", "email", "chat"])],
      autonomous,
      helpTried: autonomous ? null : tried,
      helpReached: autonomous ? null : reached,
      helpQuality: reached > 0 ? Math.max(1, Math.min(5, Math.round(1 + mood * 4))) : null,
      nps: Math.max(0, Math.min(10, Math.round(mood * 10 + (random() - 0.5) * 3))),
      verbatim: burst || random() < 0.45 ? pick(comments) : null,
    });
  }
  options.logger.info({ answers: COUNT }, "demo feedback answers created");
  return { created: COUNT };
}
