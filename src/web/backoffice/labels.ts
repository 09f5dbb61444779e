import type { LocalItemKind, PublicationStatus } from "../../domains/knowledge/local/index.ts";

export type KindLabels = {
  /** URL segment under /admin. */
  segment: string;
  heading: string;
  singular: string;
  create: string;
  titleLabel: string;
  bodyLabel: string;
  emptyList: string;
};

export const KIND_LABELS: Record<LocalItemKind, KindLabels> = {
  procedure: {
    segment: "demarches",
    heading: "Démarches locales",
    singular: "démarche",
    create: "Nouvelle démarche",
    titleLabel: "Titre",
    bodyLabel: "Description de la démarche",
    emptyList: "Aucune démarche locale pour l'instant.",
  },
  faq: {
    segment: "faq",
    heading: "Questions fréquentes",
    singular: "question",
    create: "Nouvelle question",
    titleLabel: "Question",
    bodyLabel: "Réponse",
    emptyList: "Aucune question fréquente pour l'instant.",
  },
  news: {
    segment: "actualites",
    heading: "Actualités",
    singular: "actualité",
    create: "Nouvelle actualité",
    titleLabel: "Titre",
    bodyLabel: "Texte de l'actualité",
    emptyList: "Aucune actualité pour l'instant.",
  },
};

export const STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: "Brouillon",
  published: "Publié",
};

export function kindFromSegment(segment: string): LocalItemKind | null {
  for (const [kind, labels] of Object.entries(KIND_LABELS) as [LocalItemKind, KindLabels][]) {
    if (labels.segment === segment) return kind;
  }
  return null;
}

export function itemPath(kind: LocalItemKind, id?: string, action?: "publication" | "suppression"): string {
  const base = `/admin/${KIND_LABELS[kind].segment}`;
  if (!id) return base;
  return action ? `${base}/${id}/${action}` : `${base}/${id}`;
}

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "long",
  timeStyle: "short",
});
const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
