/**
 * Synonyms and acronyms citizens use, applied to the query only (the index stays plain, so the
 * table can change without a rebuild). Each group lists phrasings of one notion; a query that
 * contains one phrasing also looks for the others, with a lower weight.
 */
import { analyse } from "./french-analyzer.ts";

/**
 * "a | b | c": equivalent phrasings, each one finds the others.
 * "a => b | c": a query saying "a" also looks for "b" and "c", not the other way round
 * ("papiers" means an identity card or a passport, but a passport query is not about papers).
 * "… ! x | y": the entry stays off when the query also says "x" or "y" ("permis de construire" is
 * not a driving licence).
 * General administrative vocabulary only, never the wording of one question. Every word of a
 * phrasing is added on its own: a phrasing with a common word ("hôtel de ville", "deux-roues")
 * belongs on the right of a one-way entry, or not at all.
 */
const TABLE: string[] = [
  "CNI | carte nationale d'identité | carte d'identité",
  "RSA | revenu de solidarité active",
  "APL | aide personnalisée au logement | aide au logement",
  "CAF | caisse d'allocations familiales | allocations familiales",
  "PACS | pacte civil de solidarité",
  "AAH | allocation aux adultes handicapés",
  "ANTS | agence nationale des titres sécurisés",
  "CPAM | caisse primaire d'assurance maladie | assurance maladie",
  "URSSAF | cotisations sociales",
  "NIR | numéro de sécurité sociale | numéro d'inscription au répertoire",
  "RIB | relevé d'identité bancaire | coordonnées bancaires",
  "permis => permis de conduire ! construire | aménager | démolir | bateau | plaisance | chasser | port d'arme | séjour | travail",
  "CMU | CSS | complémentaire santé solidaire | couverture maladie universelle",
  "refaire => renouvellement | renouveler",
  "perte | perdu => vol | volé",
  "papiers => papiers d'identité | carte d'identité | passeport",
  "chômage | allocation chômage | demandeur d'emploi",
  "PMA | procréation médicalement assistée | assistance médicale à la procréation",
  "RQTH | reconnaissance de la qualité de travailleur handicapé",
  "MDPH | maison départementale des personnes handicapées",
  "SMIC | salaire minimum",
  "TVA | taxe sur la valeur ajoutée",
  "SIRET | SIREN | numéro d'immatriculation",
  "auto-entrepreneur | micro-entrepreneur | micro-entreprise",
  "HLM | logement social",
  "carte grise | certificat d'immatriculation",
  "déménagement | déménager | changement d'adresse",
  "mort | décédé => décès",
  "boulot => emploi | travail",
  "bébé => naissance | enfant",
  "proprio => propriétaire",
  "resto => restaurant",
  // General administrative vocabulary: acronyms and everyday words next to the official terms.
  "agent public | fonctionnaire | fonction publique",
  "arrêt maladie | arrêt de travail | congé de maladie",
  "impôts | impôt sur le revenu | finances publiques",
  "Pôle emploi => chômage | demandeur d'emploi",
  "mutuelle | complémentaire santé",
  "carte vitale => assurance maladie",
  "patron => employeur",
  "PV | procès-verbal",
  "contravention | amende",
  "CDD | contrat à durée déterminée",
  "CDI | contrat à durée indéterminée",
  "RTT | réduction du temps de travail",
  "IJ | indemnités journalières",
  "CESU | chèque emploi service universel",
  "ASPA | minimum vieillesse | allocation de solidarité aux personnes âgées",
  "AME | aide médicale de l'État",
  "DALO | droit au logement opposable",
  "EHPAD | maison de retraite",
  "ERP | établissement recevant du public",
  "PLU | plan local d'urbanisme",
  "MSA | mutualité sociale agricole",
  "CSG | contribution sociale généralisée",
  "Kbis | extrait d'immatriculation",
  "prud'hommes | conseil de prud'hommes",
  "loyer => bail | location",
  "appart => appartement | logement",
  // Everyday words and the official ones (checked against the service-public.fr vocabulary).
  "sécu | sécurité sociale",
  "nounou => assistante maternelle | garde d'enfant",
  "poubelle => ordures ménagères | déchets",
  "encombrants => déchets | déchetterie",
  "bruit | nuisances sonores",
  "voisin | voisinage",
  "se marier => mariage",
  "obsèques | funérailles | enterrement",
  "héritage | hériter => succession",
  "concubinage | concubin",
  "union libre => concubinage | concubin",
  "garde alternée => résidence alternée",
  "extrait de naissance => acte de naissance",
  "carte électorale | carte d'électeur",
  "fiche de paie => bulletin de paie | bulletin de salaire",
  "caution => dépôt de garantie",
  "coloc => colocation",
  "feuille d'impôt => avis d'imposition | déclaration de revenus",
  "déclaration d'impôts => déclaration de revenus",
  "auto-école | école de conduite",
  "moto | motocyclette",
  "vélo | bicyclette",
  "voiture | bagnole => véhicule | automobile",
  "cantine | restauration scolaire",
  "stage | stagiaire",
  "apprenti | apprentissage | alternance",
  "arnaque => escroquerie",
  "huissier | commissaire de justice",
  "emprunt => prêt | crédit",
  "CB => carte bancaire",
  "télé => télévision",
  "France Travail => Pôle emploi | chômage",
  "sans papiers => étranger en situation irrégulière",
  "hôtel de ville => mairie",
  "naturalisation => nationalité française",
  "bac | baccalauréat",
  "fac => université",
  "job => emploi",
  "ado => adolescent | mineur",
  // Acronyms of benefits, bodies and procedures, next to their names.
  "JAF | juge aux affaires familiales",
  "CCAS | centre communal d'action sociale",
  "PAJE | prestation d'accueil du jeune enfant",
  "ARE | allocation d'aide au retour à l'emploi",
  "ASS | allocation de solidarité spécifique",
  "CPF | compte personnel de formation",
  "VAE | validation des acquis de l'expérience",
  "DPE | diagnostic de performance énergétique",
  "PTZ | prêt à taux zéro",
  "IFI | impôt sur la fortune immobilière",
  "CFE | cotisation foncière des entreprises",
  "CARSAT | CNAV | assurance retraite",
  "Agirc-Arrco | retraite complémentaire",
  "AEEH | allocation d'éducation de l'enfant handicapé",
  "ALS | allocation de logement sociale",
  "ALF | allocation de logement familiale",
  "PCH | prestation de compensation du handicap",
  "APA | allocation personnalisée d'autonomie",
  "ASE | aide sociale à l'enfance",
  "TGI | tribunal de grande instance => tribunal judiciaire",
  "OQTF | obligation de quitter le territoire",
  "Crit'Air | certificat qualité de l'air",
  "AESH | AVS | accompagnant d'élèves en situation de handicap | auxiliaire de vie scolaire",
  "IVG | interruption volontaire de grossesse",
];

/**
 * `triggers` are the phrasings that activate the entry, `phrasings` all the terms it adds, `unless`
 * the words that keep it off.
 */
export type SynonymGroup = { triggers: string[][]; phrasings: string[][]; unless: string[] };

function analysePhrasings(list: string): string[][] {
  return list
    .split("|")
    .map((phrasing) => analyse(phrasing))
    .filter((terms) => terms.length > 0);
}

export function parseSynonymLine(line: string): SynonymGroup {
  const [entry = "", exceptions = ""] = line.split("!");
  const [left = "", right] = entry.split("=>");
  const triggers = analysePhrasings(left);
  return {
    triggers,
    phrasings: right === undefined ? triggers : [...triggers, ...analysePhrasings(right)],
    unless: analysePhrasings(exceptions).flat(),
  };
}

export const SYNONYM_GROUPS: SynonymGroup[] = TABLE.map(parseSynonymLine);

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Terms to add to a query: the other phrasings of every group the query mentions. */
export function synonymTerms(queryTerms: string[], groups: SynonymGroup[] = SYNONYM_GROUPS): string[] {
  const present = new Set(queryTerms);
  const added = new Set<string>();
  for (const group of groups) {
    if (!group.triggers.some((phrasing) => containsSequence(queryTerms, phrasing))) continue;
    if (group.unless.some((term) => present.has(term))) continue;
    for (const phrasing of group.phrasings)
      for (const term of phrasing) if (!present.has(term)) added.add(term);
  }
  return [...added];
}
