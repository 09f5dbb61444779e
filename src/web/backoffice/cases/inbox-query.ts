/**
 * The inbox filters as a GET query string (French parameter names, readable in the address bar) and
 * back: the form works without JavaScript and a filtered page can be bookmarked or shared.
 */
import {
  type CaseChannel,
  type CaseStatus,
  type InboxFilters,
  type InboxTopic,
  isCaseChannel,
  isCaseStatus,
} from "../../../domains/cases/index.ts";
import { parisInstant } from "../../../domains/commitments/index.ts";
import { FICHE_ID_PATTERN } from "../../../domains/knowledge/fiches/index.ts";
import { isUuid } from "../../../shared/ids.ts";
import { INBOX_PATH } from "./labels.ts";

const MAX_QUERY_LENGTH = 200;

export type InboxQuery = {
  statut: CaseStatus | undefined;
  equipe: string | undefined;
  canal: CaseChannel | undefined;
  aMoi: boolean;
  nonAffectees: boolean;
  enRetard: boolean;
  q: string;
  /** The page the requests are about: a fiche id ("F1342"), "local:<uuid>" for the town's own, "-" for none. */
  sujet: string | undefined;
  /** Opened from this Paris day to that one, both included ("YYYY-MM-DD"). */
  du: string | undefined;
  au: string | undefined;
  apres: string | undefined;
};

const LOCAL_TOPIC = /^(?:local|faq|procedure|news):([0-9a-f-]{36})$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The topic as the inbox writes it back, or undefined when it is not one. */
function topicParam(value: string): string | undefined {
  if (value === "-" || FICHE_ID_PATTERN.test(value)) return value;
  const local = LOCAL_TOPIC.exec(value)?.[1]?.toLowerCase();
  return local && isUuid(local) ? `local:${local}` : undefined;
}

function dayParam(value: string): string | undefined {
  if (!ISO_DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function inboxTopic(sujet: string): InboxTopic {
  if (sujet === "-") return "none";
  return sujet.startsWith("local:") ? { localItemId: sujet.slice("local:".length) } : { ficheId: sujet };
}

function text(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim() : "";
}

/** Unknown values are dropped rather than refused: a stale bookmark still opens the inbox. */
export function parseInboxQuery(query: Record<string, unknown>): InboxQuery {
  const statut = text(query, "statut");
  const canal = text(query, "canal");
  const equipe = text(query, "equipe");
  const apres = text(query, "apres");
  return {
    statut: isCaseStatus(statut) ? statut : undefined,
    equipe: isUuid(equipe) ? equipe : undefined,
    canal: isCaseChannel(canal) ? canal : undefined,
    aMoi: text(query, "a_moi") === "1",
    nonAffectees: text(query, "non_affectees") === "1",
    enRetard: text(query, "en_retard") === "1",
    q: text(query, "q").slice(0, MAX_QUERY_LENGTH),
    sujet: topicParam(text(query, "sujet")),
    du: dayParam(text(query, "du")),
    au: dayParam(text(query, "au")),
    apres: apres === "" ? undefined : apres.slice(0, 200),
  };
}

/** `now` dates the "en retard" filter and the time left shown on each case. */
export function inboxFilters(query: InboxQuery, now: Date): InboxFilters {
  const filters: InboxFilters = { now };
  if (query.statut) filters.status = query.statut;
  if (query.equipe) filters.teamId = query.equipe;
  if (query.canal) filters.channel = query.canal;
  if (query.aMoi) filters.assignedToMe = true;
  if (query.nonAffectees) filters.unassigned = true;
  if (query.enRetard) filters.dueBefore = now;
  if (query.q !== "") filters.q = query.q;
  if (query.sujet) filters.topic = inboxTopic(query.sujet);
  // Days are Paris days: from the midnight starting the first to the midnight ending the last.
  if (query.du) filters.openedFrom = parisInstant(query.du, "00:00");
  if (query.au) filters.openedBefore = parisInstant(nextDay(query.au), "00:00");
  return filters;
}

export function hasFilters(query: InboxQuery): boolean {
  return Boolean(
    query.statut ||
      query.equipe ||
      query.canal ||
      query.aMoi ||
      query.nonAffectees ||
      query.enRetard ||
      query.q ||
      query.sujet ||
      query.du ||
      query.au,
  );
}

/** The inbox URL for these filters, on the page after `cursor` (first page without it). */
export function inboxUrl(query: InboxQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.statut) params.set("statut", query.statut);
  if (query.equipe) params.set("equipe", query.equipe);
  if (query.canal) params.set("canal", query.canal);
  if (query.aMoi) params.set("a_moi", "1");
  if (query.nonAffectees) params.set("non_affectees", "1");
  if (query.enRetard) params.set("en_retard", "1");
  if (query.q) params.set("q", query.q);
  if (query.sujet) params.set("sujet", query.sujet);
  if (query.du) params.set("du", query.du);
  if (query.au) params.set("au", query.au);
  if (cursor) params.set("apres", cursor);
  const search = params.toString();
  return search ? `${INBOX_PATH}?${search}` : INBOX_PATH;
}
