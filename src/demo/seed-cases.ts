/**
 * A living desk for the demo: an agent account, teams, answer templates and a dozen plausible
 * requests of the fictional "Ville de Démo" at various stages, opened over the last days through
 * every channel. Contacts use the reserved `.invalid` domain, so no acknowledgement reaches anyone.
 * Does nothing once the organisation has a case.
 */
import {
  addCitizenMessage,
  addInternalNote,
  addTeamMember,
  assignCase,
  type CaseChannel,
  type CaseStatus,
  changeCaseStatus,
  createTeam,
  openCase,
  replyToCase,
} from "../domains/cases/index.ts";
import { type CommitmentInput, createCommitment, listCommitments } from "../domains/commitments/index.ts";
import { createAnswerTemplate } from "../domains/desk/index.ts";
import { createAgent, findAgentByEmail } from "../domains/identity/index.ts";
import { isAppError } from "../shared/app-error.ts";
import type { Clock } from "../shared/clock.ts";
import type { RootDb } from "../shared/database.ts";
import type { Logger } from "../shared/logger.ts";

export const DEMO_AGENT = {
  email: "accueil@demo.guichet.local",
  displayName: "Sacha Accueil (démo)",
  // Same demo password as the editor (README); never logged.
  password: "demo-guichet-2026",
} as const;

const TEAMS = ["Accueil", "État civil", "Services techniques"] as const;
type TeamName = (typeof TEAMS)[number];

const TEMPLATES = [
  {
    title: "Accusé de prise en charge",
    body: "Bonjour,\n\nNous avons bien reçu votre demande et elle est en cours de traitement. Nous revenons vers vous au plus vite.\n\nCordialement,\nL'accueil de la mairie",
  },
  {
    title: "Pièces manquantes",
    body: "Bonjour,\n\nPour traiter votre demande, merci de nous transmettre les pièces suivantes : \n- \n\nVous pouvez les ajouter depuis votre page de suivi.\n\nCordialement,\nL'accueil de la mairie",
  },
  {
    title: "Rendez-vous en mairie",
    body: "Bonjour,\n\nCette démarche se fait sur rendez-vous, du lundi au vendredi de 9 h à 12 h. Vous pouvez réserver un créneau en nous appelant.\n\nCordialement,\nL'accueil de la mairie",
  },
];

type DemoCase = {
  daysAgo: number;
  channel: CaseChannel;
  subject: string;
  name: string;
  email?: string;
  phone?: string;
  body: string;
  team?: TeamName;
  assigned?: boolean;
  reply?: string;
  note?: string;
  citizenFollowUp?: string;
  status?: CaseStatus;
};

const CASES: DemoCase[] = [
  {
    daysAgo: 9,
    channel: "web",
    subject: "Inscription à la cantine scolaire",
    name: "Lucie Moreau",
    email: "lucie.moreau@exemple.invalid",
    body: "Bonjour, mon fils entre en CE1 à la rentrée. Comment l'inscrire à la cantine ? Faut-il fournir l'avis d'imposition ?",
    team: "Accueil",
  },
  {
    daysAgo: 8,
    channel: "email",
    subject: "Copie intégrale d'acte de naissance",
    name: "Karim Benali",
    email: "k.benali@exemple.invalid",
    body: "Bonjour,\nJe suis né dans votre commune en 1987 et j'ai besoin d'une copie intégrale de mon acte de naissance pour un mariage.\nMerci d'avance.",
    team: "État civil",
    assigned: true,
    reply: "Bonjour, la copie vous sera envoyée par courrier sous 5 jours ouvrés. Cordialement.",
    status: "resolu",
  },
  {
    daysAgo: 7,
    channel: "phone",
    subject: "Lampadaire éteint rue des Tilleuls",
    name: "M. Petit",
    phone: "06 12 34 56 78",
    body: "Appel de M. Petit : le lampadaire devant le 14 rue des Tilleuls est éteint depuis une semaine.",
    team: "Services techniques",
    note: "Signalé au prestataire éclairage, intervention prévue jeudi.",
  },
  {
    daysAgo: 6,
    channel: "counter",
    subject: "Demande de carte d'identité",
    name: "Jeanne Roux",
    phone: "01 98 76 54 32",
    body: "Visite à l'accueil : Mme Roux souhaite refaire sa carte d'identité perdue. Pré-demande en ligne non faite.",
    team: "État civil",
    reply:
      "Bonjour Madame, voici la marche à suivre : faites votre pré-demande en ligne puis prenez rendez-vous.",
    status: "en_attente_usager",
  },
  {
    daysAgo: 5,
    channel: "web",
    subject: "Bruit d'un chantier le dimanche",
    name: "Hugo Lefèvre",
    email: "hugo.lefevre@exemple.invalid",
    body: "Un chantier rue Pasteur travaille le dimanche matin dès 8 h. Est-ce autorisé ?",
    team: "Services techniques",
    assigned: true,
  },
  {
    daysAgo: 4,
    channel: "chat",
    subject: "Horaires de la déchèterie",
    name: "Visiteur du site",
    email: "visiteur@exemple.invalid",
    body: "L'assistant n'a pas su répondre : la déchèterie est-elle ouverte les jours fériés ?",
    reply: "Bonjour, la déchèterie est fermée les jours fériés sauf le 8 mai.",
    status: "resolu",
  },
  {
    daysAgo: 3,
    channel: "email",
    subject: "Location de la salle des fêtes",
    name: "Association Les Amis du Bourg",
    email: "contact@amis-du-bourg.invalid",
    body: "Bonjour,\nNous souhaitons louer la salle des fêtes le samedi 14 juin pour notre assemblée générale. Est-elle disponible ?",
    team: "Accueil",
    reply: "Bonjour, la salle est disponible. Pouvez-vous nous indiquer le nombre de personnes attendues ?",
    citizenFollowUp: "Nous serons environ 60 personnes. Merci !",
  },
  {
    daysAgo: 2,
    channel: "api",
    subject: "Signalement : dépôt sauvage chemin du Moulin",
    name: "Application de signalement",
    email: "signalements@exemple.invalid",
    body: "Dépôt de gravats signalé chemin du Moulin, près du pont. Photo disponible dans l'application.",
    team: "Services techniques",
  },
  {
    daysAgo: 2,
    channel: "web",
    subject: "Recensement citoyen à 16 ans",
    name: "Inès Garnier",
    email: "ines.garnier@exemple.invalid",
    body: "Bonjour, ma fille a eu 16 ans le mois dernier. Peut-on faire le recensement en ligne ?",
    team: "État civil",
    assigned: true,
    note: "Vérifier si la commune est raccordée au service en ligne.",
  },
  {
    daysAgo: 1,
    channel: "phone",
    subject: "Attestation d'accueil pour un proche",
    name: "M. Diallo",
    phone: "07 11 22 33 44",
    body: "Appel de M. Diallo : il veut héberger sa mère pour trois mois et demande les pièces pour l'attestation d'accueil.",
  },
  {
    daysAgo: 0,
    channel: "web",
    subject: "Stationnement résidentiel : renouvellement",
    name: "Paul Fontaine",
    email: "paul.fontaine@exemple.invalid",
    body: "Mon badge de stationnement résidentiel expire la semaine prochaine. Comment le renouveler ?",
  },
  {
    daysAgo: 0,
    channel: "email",
    subject: "Changement d'adresse sur les listes électorales",
    name: "Sophie Marchand",
    email: "s.marchand@exemple.invalid",
    body: "Bonjour,\nJ'ai déménagé dans la commune. Dois-je faire une démarche pour voter au bon bureau ?",
  },
];

async function ensureDemoAgent(db: RootDb, organisationId: string, clock: Clock): Promise<string> {
  const existing = await findAgentByEmail(db, { organisationId, email: DEMO_AGENT.email });
  if (existing) return existing.id;
  try {
    const agent = await createAgent(db, { organisationId, ...DEMO_AGENT, roles: ["agent"], clock });
    return agent.id;
  } catch (error) {
    if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
    const agent = await findAgentByEmail(db, { organisationId, email: DEMO_AGENT.email });
    if (!agent) throw error;
    return agent.id;
  }
}

/**
 * The demo's service commitments: the birth certificate one wins for its requests, the e-mail one for
 * e-mails, the first covers every other request; the last one measures phone calls.
 */
const COMMITMENTS: CommitmentInput[] = [
  {
    label: "Première réponse sous 48 h ouvrées",
    measure: "first_reply",
    channel: "",
    delayUnit: "business_hours",
    delayAmount: "48",
    targetPercent: "85",
  },
  {
    label: "Réponse aux courriels sous 5 jours ouvrés",
    measure: "resolution",
    channel: "email",
    delayUnit: "business_days",
    delayAmount: "5",
    targetPercent: "85",
  },
  {
    label: "Acte de naissance : réponse sous 3 jours ouvrés",
    measure: "first_reply",
    channel: "",
    fiche: "F1427",
    delayUnit: "business_days",
    delayAmount: "3",
    targetPercent: "90",
  },
  {
    label: "85 % des appels décrochés quand l'usager demande un agent",
    measure: "agent_answer",
    channel: "phone",
    delayUnit: "business_days",
    delayAmount: "",
    targetPercent: "85",
  },
];

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Once per organisation: nothing is added when it already has a commitment. */
async function ensureDemoCommitments(db: RootDb, organisationId: string, clock: Clock): Promise<void> {
  if ((await listCommitments(db, { organisationId })).length > 0) return;
  // Announced a year ago, before the seeded history (seed-activity.ts): its calls count for them too.
  const announced: Clock = { now: () => new Date(clock.now().getTime() - YEAR_MS) };
  for (const form of COMMITMENTS)
    await createCommitment(db, { organisationId, form, actorId: null, clock: announced });
}

export async function seedDemoCases(options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}): Promise<{ created: number }> {
  const { db, organisationId, clock, logger } = options;
  // Before the cases, so that they are opened with their deadline.
  await ensureDemoCommitments(db, organisationId, clock);
  const any = await db
    .selectFrom("cases")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (any) return { created: 0 };
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const agentId = await ensureDemoAgent(db, organisationId, clock);
  const actor = { agentId };
  const teams = new Map<TeamName, string>();
  for (const name of TEAMS) {
    const team = await createTeam(db, { organisationId, name, actorId: agentId, clock });
    await addTeamMember(db, { organisationId, teamId: team.id, agentId });
    teams.set(name, team.id);
  }
  for (const template of TEMPLATES)
    await createAnswerTemplate(db, { organisationId, ...template, actorId: agentId, clock });

  const dayMs = 24 * 60 * 60 * 1000;
  for (const [index, demo] of CASES.entries()) {
    // Each case lives in its own past: opened some days ago, then answered hours later.
    let at = clock.now().getTime() - demo.daysAgo * dayMs - (CASES.length - index) * 37 * 60 * 1000;
    const then: Clock = { now: () => new Date(at) };
    const later = () => {
      at += 2 * 60 * 60 * 1000;
    };
    const opened = await openCase(db, {
      organisationId,
      channel: demo.channel,
      subject: demo.subject,
      body: demo.body,
      contact: { name: demo.name, email: demo.email ?? null, phone: demo.phone ?? null },
      actor: demo.channel === "phone" || demo.channel === "counter" ? actor : null,
      publicUrl,
      clock: then,
    });
    const caseId = opened.caseId;
    if (demo.team || demo.assigned) {
      later();
      await assignCase(db, {
        organisationId,
        caseId,
        actor,
        teamId: demo.team ? teams.get(demo.team) : undefined,
        assigneeId: demo.assigned ? agentId : undefined,
        clock: then,
      });
    }
    if (demo.note) {
      later();
      await addInternalNote(db, { organisationId, caseId, actor, body: demo.note, clock: then });
    }
    if (demo.reply) {
      later();
      await replyToCase(db, { organisationId, caseId, actor, body: demo.reply, publicUrl, clock: then });
    }
    if (demo.citizenFollowUp) {
      later();
      await addCitizenMessage(db, { organisationId, caseId, body: demo.citizenFollowUp, clock: then });
    }
    if (demo.status) {
      later();
      await changeCaseStatus(db, { organisationId, caseId, actor, status: demo.status, clock: then });
    }
  }
  logger.info({ cases: CASES.length, agent: DEMO_AGENT.email }, "demo desk created");
  return { created: CASES.length };
}
