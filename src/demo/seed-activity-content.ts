/** What the demo town's requests and conversations are about, and who writes: data of seed-activity-plan.ts. */

export type DemoTopic = { id: string | null; title: string; subject: string; question: string; team: string };

export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    id: "F21089",
    title: "Renouvellement de la carte d'identité d'un majeur",
    subject: "Renouvellement de carte d'identité",
    question: "Comment renouveler ma carte d'identité ?",
    team: "État civil",
  },
  {
    id: "F14929",
    title: "Passeport d'un majeur : première demande",
    subject: "Demande de passeport",
    question: "Quels papiers faut-il pour un passeport ?",
    team: "État civil",
  },
  {
    id: "F1427",
    title: "Acte de naissance : demande de copie intégrale ou d'extrait",
    subject: "Copie d'acte de naissance",
    question: "Comment avoir une copie de mon acte de naissance ?",
    team: "État civil",
  },
  {
    id: "F1367",
    title: "Listes électorales : nouvelle inscription",
    subject: "Inscription sur les listes électorales",
    question: "Comment m'inscrire sur les listes électorales ?",
    team: "Accueil",
  },
  {
    id: "F2191",
    title: "Attestation d'accueil",
    subject: "Attestation d'accueil",
    question: "Comment faire une attestation d'accueil pour un proche ?",
    team: "État civil",
  },
  {
    id: "F17578",
    title: "Déclaration préalable de travaux (DP)",
    subject: "Déclaration préalable de travaux",
    question: "Faut-il une déclaration pour changer mes fenêtres ?",
    team: "Services techniques",
  },
  {
    id: "F1986",
    title: "Permis de construire",
    subject: "Permis de construire",
    question: "Combien de temps pour obtenir un permis de construire ?",
    team: "Services techniques",
  },
  {
    id: "F930",
    title: "Mariage en France",
    subject: "Mariage à la mairie",
    question: "Quels documents pour se marier à la mairie ?",
    team: "État civil",
  },
  {
    id: "F1444",
    title: "Acte de décès : demande de copie intégrale",
    subject: "Copie d'acte de décès",
    question: "Où demander un acte de décès ?",
    team: "État civil",
  },
  {
    id: null,
    title: "Voirie et propreté",
    subject: "Signalement sur la voirie",
    question: "Un nid-de-poule rue des Lilas, à qui le signaler ?",
    team: "Services techniques",
  },
  {
    id: null,
    title: "Cantine et périscolaire",
    subject: "Cantine scolaire",
    question: "Comment inscrire mon enfant à la cantine ?",
    team: "Accueil",
  },
];
/** How often each topic comes up, same order as DEMO_TOPICS. */
export const TOPIC_WEIGHTS = [9, 7, 7, 4, 3, 4, 3, 3, 2, 5, 4];

export const FIRST_NAMES = [
  "Camille",
  "Louis",
  "Inès",
  "Hugo",
  "Léa",
  "Nathan",
  "Chloé",
  "Karim",
  "Sarah",
  "Paul",
  "Aïcha",
  "Jules",
  "Manon",
  "Théo",
  "Zoé",
  "Yanis",
];
export const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Durand",
  "Petit",
  "Moreau",
  "Laurent",
  "Garnier",
  "Diallo",
  "Roux",
  "Fontaine",
  "Nguyen",
  "Benali",
  "Lefèvre",
  "Mercier",
];
