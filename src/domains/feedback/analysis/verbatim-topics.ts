/**
 * Curated topics of free-text feedback: general public-service vocabulary, stable ids (stored in
 * `feedback_answers.verbatim_topics`, so an id is never renamed) and French labels for people.
 * Keywords are accent-folded and lowercase; a trailing "*" matches any ending ("delai*" → "délais").
 */
import { foldAccents } from "../../../shared/text.ts";

export type VerbatimTopic = { id: string; label: string; keywords: readonly string[] };

export const VERBATIM_TOPICS: readonly VerbatimTopic[] = [
  {
    id: "delais",
    label: "Délais",
    keywords: [
      "delai*",
      "attente",
      "attendu",
      "attendre",
      "attends",
      "rapide*",
      "rapidite",
      "lent",
      "lente*",
      "lents",
      "lenteur*",
      "long",
      "longue*",
      "longs",
      "interminable*",
      "retard*",
      "semaines",
      "mois",
      "temps de traitement",
    ],
  },
  {
    id: "accueil",
    label: "Accueil au guichet",
    keywords: ["accueil*", "guichet*", "sur place", "file d attente", "hotel de ville", "comptoir"],
  },
  {
    id: "amabilite",
    label: "Amabilité du personnel",
    keywords: [
      "aimable*",
      "amabilite",
      "poli",
      "polie*",
      "politesse",
      "impoli*",
      "courtois*",
      "souriant*",
      "sourire",
      "sympa*",
      "gentil*",
      "agressi*",
      "desagreable*",
      "meprisant*",
      "mepris",
      "bienveillan*",
      "a l ecoute",
      "respect*",
      "irrespect*",
      "patient",
      "patiente",
      "patience",
      "chaleureu*",
    ],
  },
  {
    id: "site-internet",
    label: "Site internet et démarches en ligne",
    keywords: [
      "site",
      "sites",
      "en ligne",
      "internet",
      "formulaire*",
      "connexion",
      "connecter",
      "mot de passe",
      "identifiant*",
      "franceconnect",
      "bug*",
      "bogue*",
      "application",
      "appli",
      "teleservice*",
      "espace personnel",
      "telecharg*",
      "plateforme",
      "ordinateur",
      "clique*",
    ],
  },
  {
    id: "telephone",
    label: "Téléphone et joignabilité",
    keywords: [
      "telephone*",
      "appel",
      "appels",
      "appele*",
      "rappel*",
      "joindre",
      "joignable*",
      "injoignable*",
      "standard",
      "repondeur*",
      "sonne",
      "decroche*",
      "musique d attente",
    ],
  },
  {
    id: "documents",
    label: "Documents et pièces justificatives",
    keywords: [
      "document*",
      "piece*",
      "justificati*",
      "attestation*",
      "papier*",
      "photocopie*",
      "scanne*",
      "certificat*",
      "acte de naissance",
      "copie*",
      "dossier incomplet",
    ],
  },
  {
    id: "clarte",
    label: "Clarté de l'information",
    keywords: [
      "clair",
      "claire*",
      "clairs",
      "clairement",
      "clarte",
      "explication*",
      "explique*",
      "expliquer",
      "comprendre",
      "compris",
      "comprehensible*",
      "incomprehensible*",
      "confus*",
      "flou*",
      "information*",
      "renseign*",
      "precis",
      "precise*",
      "imprecis*",
      "contradictoire*",
      "jargon",
    ],
  },
  {
    id: "horaires",
    label: "Horaires d'ouverture",
    keywords: [
      "horaire*",
      "ouvert",
      "ouverte",
      "ouverture*",
      "ferme",
      "fermee*",
      "fermeture*",
      "samedi*",
      "pause dejeuner",
      "entre midi",
      "le soir",
      "nocturne*",
    ],
  },
  {
    id: "acces",
    label: "Stationnement et accès",
    keywords: [
      "stationn*",
      "parking*",
      "garer",
      "accessib*",
      "handicap*",
      "fauteuil roulant",
      "ascenseur*",
      "escalier*",
      "pmr",
      "difficile d acces",
      "acces aux locaux",
      "transports en commun",
      "arret de bus",
    ],
  },
  {
    id: "paiement",
    label: "Paiement et coûts",
    keywords: [
      "payer",
      "paye",
      "payee",
      "payant*",
      "paiement*",
      "tarif*",
      "prix",
      "cout",
      "couts",
      "couteu*",
      "frais",
      "timbre fiscal",
      "timbres fiscaux",
      "gratuit*",
      "cher",
      "chere",
      "rembourse*",
      "facture*",
      "euros",
    ],
  },
  {
    id: "suivi",
    label: "Suivi de la demande",
    keywords: [
      "suivi",
      "suivre",
      "tenu au courant",
      "tenue au courant",
      "sans nouvelle*",
      "aucune nouvelle*",
      "pas de nouvelle*",
      "avancement",
      "ou en est",
      "relance*",
      "aucune reponse",
      "pas de reponse",
      "sans reponse",
      "jamais eu de reponse",
      "statut",
    ],
  },
  {
    id: "rendez-vous",
    label: "Prise de rendez-vous",
    keywords: ["rendez vous", "rdv", "creneau*", "prendre rendez"],
  },
  {
    id: "orientation",
    label: "Orientation vers le bon service",
    keywords: [
      "bon service",
      "bon interlocuteur",
      "interlocuteur*",
      "renvoye*",
      "renvoie*",
      "balade*",
      "ping pong",
      "redirige*",
      "oriente*",
      "service a l autre",
      "bureau en bureau",
    ],
  },
];

const LABELS: ReadonlyMap<string, string> = new Map(VERBATIM_TOPICS.map((topic) => [topic.id, topic.label]));

/** The French label of a topic id; an id no longer in the table is shown as is. */
export function verbatimTopicLabel(id: string): string {
  return LABELS.get(id) ?? id;
}

export function isVerbatimTopic(id: string): boolean {
  return LABELS.has(id);
}

/** Lowercase, accent-folded, every non-letter/digit a single space, padded: " ce n est pas clair ". */
export function normaliseForMatching(text: string): string {
  return ` ${foldAccents(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

function keywordPattern(keyword: string): string {
  const prefix = keyword.endsWith("*");
  const body = prefix ? keyword.slice(0, -1) : keyword;
  return prefix ? ` ${body}[a-z0-9]*(?= )` : ` ${body}(?= )`;
}

const MATCHERS: readonly { id: string; pattern: RegExp }[] = VERBATIM_TOPICS.map((topic) => ({
  id: topic.id,
  pattern: new RegExp(topic.keywords.map(keywordPattern).join("|")),
}));

/** Topic ids a text speaks about, in the table's order (so the same text always gives the same list). */
export function detectVerbatimTopics(text: string): string[] {
  const normalised = normaliseForMatching(text);
  return MATCHERS.filter((matcher) => matcher.pattern.test(normalised)).map((matcher) => matcher.id);
}
