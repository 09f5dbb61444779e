/**
 * The inbox filters as a GET query string (French parameter names, readable in the address bar) and
 * back: the form works without JavaScript and a filtered page can be bookmarked or shared.
 */
import {
  type CaseChannel,
  type CaseStatus,
  type InboxFilters,
  isCaseChannel,
  isCaseStatus,
} from "../../../domains/cases/index.ts";
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
  apres: string | undefined;
};

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
      query.q,
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
  if (cursor) params.set("apres", cursor);
  const search = params.toString();
  return search ? `${INBOX_PATH}?${search}` : INBOX_PATH;
}
