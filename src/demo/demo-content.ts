/**
 * Demo content of the fictional "Ville de Démo": plausible town-hall answers, clearly not
 * a real town's. Shared by the demo seed and by tests that need realistic items.
 */
import type { LocalItemForm, LocalItemKind } from "../domains/knowledge/local/index.ts";

export type DemoItem = { kind: LocalItemKind; form: LocalItemForm };

export const DEMO_EDITOR = {
  email: "editeur@demo.guichet.local",
  displayName: "Camille Éditrice (démo)",
  // Documented in the README; never logged.
  password: "demo-guichet-2026",
} as const;

export const DEMO_FAQ: DemoItem[] = [
  {
    kind: "faq",
    form: {
      title: "Quels sont les horaires d'ouverture de la mairie ?",
      body: [
        "L'hôtel de ville de Démo vous accueille :",
        "- du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h ;\n- le samedi, de 9 h à 12 h (état civil uniquement).",
        "La mairie est fermée les jours fériés. Pendant l'été, les horaires du samedi peuvent changer : consultez les actualités.",
      ].join("\n\n"),
      altQuestions: "horaires mairie\nà quelle heure ouvre la mairie\nla mairie est-elle ouverte le samedi",
    },
  },
  {
    kind: "faq",
    form: {
      title: "Comment prendre rendez-vous pour une carte d'identité ou un passeport ?",
      body: [
        "Les demandes de carte nationale d'identité et de passeport se font uniquement sur rendez-vous, au service population de la mairie.",
        "Avant le rendez-vous :",
        "- remplissez la pré-demande en ligne sur le site de l'Agence nationale des titres sécurisés (ANTS) ;\n- rassemblez les pièces justificatives (photo d'identité récente, justificatif de domicile, ancien titre) ;\n- pour un passeport, achetez le timbre fiscal.",
        "Prenez rendez-vous par téléphone au 01 00 00 00 00 ou directement à l'accueil de la mairie. Les délais sont plus longs au printemps : anticipez vos voyages.",
      ].join("\n\n"),
      altQuestions:
        "rendez-vous carte d'identité\nrefaire ma carte d'identité à la mairie\nrendez-vous passeport\nCNI rendez-vous",
    },
  },
  {
    kind: "faq",
    form: {
      title: "Où déposer notre dossier de mariage ?",
      body: [
        "Le dossier de mariage se dépose au service état civil de la mairie, en présence des deux futurs époux, au moins un mois et au plus un an avant la date souhaitée.",
        "Retirez la liste des pièces à fournir à l'accueil ou demandez-la par courriel. La date de la cérémonie n'est confirmée qu'une fois le dossier complet déposé.",
      ].join("\n\n"),
      altQuestions: "dossier mariage\nse marier à la mairie\npublication des bans",
    },
  },
  {
    kind: "faq",
    form: {
      title: "Comment me débarrasser de mes encombrants ?",
      body: [
        "Les encombrants sont collectés devant votre domicile une fois par mois, sur inscription auprès des services techniques au plus tard le vendredi précédent.",
        "Sont acceptés : meubles, literie, gros électroménager. Ne sont pas acceptés : gravats, pneus, déchets verts, produits dangereux : déposez-les à la déchetterie intercommunale.",
      ].join("\n\n"),
      altQuestions: "ramassage des encombrants\njeter un canapé\ncollecte des objets volumineux",
    },
  },
  {
    kind: "faq",
    form: {
      title: "Comment inscrire mon enfant à la cantine scolaire ?",
      body: [
        "L'inscription à la restauration scolaire se fait chaque année avant le 15 juillet, sur le portail famille ou à l'accueil de la mairie.",
        "Pièces à fournir :",
        "- le justificatif de domicile ;\n- l'attestation de quotient familial de la CAF, pour bénéficier du tarif adapté ;\n- le cas échéant, le projet d'accueil individualisé (PAI) en cas d'allergie.",
      ].join("\n\n"),
      altQuestions: "inscription cantine\nrestauration scolaire\ntarif cantine",
    },
  },
];

export const DEMO_PROCEDURES: DemoItem[] = [
  {
    kind: "procedure",
    form: {
      title: "Demander une place en crèche",
      summary:
        "Les places dans les trois établissements municipaux d'accueil du jeune enfant sont attribuées par une commission, trois fois par an.",
      body: [
        "Vous pouvez faire une demande dès le sixième mois de grossesse. Elle est valable jusqu'aux trois ans de l'enfant.",
        "Pour déposer votre demande :",
        "- prenez rendez-vous avec le relais petite enfance ;\n- apportez le livret de famille ou l'acte de naissance, un justificatif de domicile et votre numéro d'allocataire CAF ;\n- indiquez les jours et horaires d'accueil souhaités.",
        "La commission d'attribution se réunit en mars, juin et novembre. Vous recevez sa réponse par courrier dans les quinze jours qui suivent. Sans réponse de votre part sous huit jours, la place est proposée à une autre famille.",
      ].join("\n\n"),
    },
  },
  {
    kind: "procedure",
    form: {
      title: "Réserver une salle municipale",
      summary:
        "Associations et habitants peuvent louer la salle des fêtes ou la salle polyvalente pour une réunion ou un événement familial.",
      body: [
        "Faites votre demande au moins deux mois avant la date souhaitée, auprès du service vie associative.",
        "Votre demande doit préciser :",
        "- la salle souhaitée et la date ;\n- la nature de l'événement et le nombre de participants ;\n- pour une association, son numéro au répertoire national des associations (RNA).",
        "Une attestation d'assurance responsabilité civile et un chèque de caution vous seront demandés à la signature de la convention. Les tarifs sont votés chaque année par le conseil municipal ; les associations de la commune bénéficient d'une utilisation gratuite par an.",
      ].join("\n\n"),
    },
  },
];

export const DEMO_NEWS: DemoItem[] = [
  {
    kind: "news",
    form: {
      title: "Travaux rue des Tilleuls : circulation alternée jusqu'à fin avril",
      summary:
        "Le remplacement des canalisations d'eau potable impose une circulation alternée pendant six semaines.",
      body: [
        "Des travaux de remplacement des canalisations d'eau potable ont lieu rue des Tilleuls, entre la place de la Mairie et le chemin du Moulin.",
        "Pendant toute la durée du chantier :",
        "- la circulation est alternée, régulée par des feux ;\n- le stationnement est interdit côté pair ;\n- l'accès des riverains et des secours reste assuré.",
        "Des coupures d'eau de courte durée peuvent avoir lieu ; les habitants concernés seront prévenus la veille par un avis dans leur boîte aux lettres.",
      ].join("\n\n"),
      publishedOn: "2026-03-02",
    },
  },
  {
    kind: "news",
    form: {
      title: "Inscriptions scolaires pour la rentrée 2026",
      summary:
        "Les familles d'enfants nés en 2023 ou nouvellement installées doivent inscrire leur enfant avant le 30 avril.",
      body: [
        "Les inscriptions en petite section de maternelle et pour les enfants arrivant dans la commune sont ouvertes.",
        "Présentez-vous à l'accueil de la mairie avec le livret de famille, un justificatif de domicile de moins de trois mois et le carnet de santé de l'enfant. La mairie vous remet un certificat d'inscription à apporter ensuite à la directrice ou au directeur de l'école.",
      ].join("\n\n"),
      publishedOn: "2026-02-16",
    },
  },
];

export const DEMO_ITEMS: DemoItem[] = [...DEMO_FAQ, ...DEMO_PROCEDURES, ...DEMO_NEWS];
