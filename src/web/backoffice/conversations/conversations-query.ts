/**
 * The conversations list's filters as a GET query string (French names): the dashboard links to it
 * with the filters of each figure, and the form works without JavaScript. Unknown values are dropped,
 * not refused, like the inbox; malformed dates are said on their field.
 */
import { CONVERSATION_CHANNELS, type ConversationChannel } from "../../../domains/assistant/index.ts";
import {
  CONVERSATION_OUTCOMES,
  type ConversationListFilters,
  type ConversationOutcomeFilter,
  type HelpfulVote,
  parseTopic,
  topicKeyOf,
  topicParam,
} from "../../../domains/commitments/needs/index.ts";
import { CONVERSATIONS_PATH } from "../needs/needs-labels.ts";

export type ConversationsQuery = {
  du: string | undefined;
  au: string | undefined;
  /** "F1342", "local:<uuid>", "-" (no page). */
  sujet: string | undefined;
  canal: ConversationChannel | undefined;
  resultat: ConversationOutcomeFilter | undefined;
  vote: HelpfulVote | undefined;
  transfert: boolean | undefined;
  echange: boolean;
  apres: string | undefined;
};

const VOTES: Record<string, HelpfulVote> = { oui: "yes", non: "no", aucun: "none" };
const VOTE_PARAMS: Record<HelpfulVote, string> = { yes: "oui", no: "non", none: "aucun" };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(query: Record<string, unknown>, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim().slice(0, 200) : "";
}

function day(value: string): string | undefined {
  if (!ISO_DAY.test(value)) return undefined;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value) ? value : undefined;
}

export function parseConversationsQuery(query: Record<string, unknown>): ConversationsQuery {
  const canal = text(query, "canal");
  const resultat = text(query, "resultat");
  const sujet = text(query, "sujet");
  const topic = sujet === "" ? null : parseTopic(sujet);
  const transfert = text(query, "transfert");
  const apres = text(query, "apres");
  const du = day(text(query, "du"));
  const au = day(text(query, "au"));
  return {
    // A period that ends before it starts would list nothing: keep the start only.
    du,
    au: du && au && au < du ? undefined : au,
    sujet: topic ? topicParam(topicKeyOf(topic)) : undefined,
    canal: (CONVERSATION_CHANNELS as readonly string[]).includes(canal)
      ? (canal as ConversationChannel)
      : undefined,
    resultat: (CONVERSATION_OUTCOMES as readonly string[]).includes(resultat)
      ? (resultat as ConversationOutcomeFilter)
      : undefined,
    vote: VOTES[text(query, "vote")],
    transfert: transfert === "oui" ? true : transfert === "non" ? false : undefined,
    echange: text(query, "echange") === "1",
    apres: apres === "" ? undefined : apres,
  };
}

export function conversationFilters(query: ConversationsQuery): ConversationListFilters {
  const filters: ConversationListFilters = {};
  if (query.du || query.au) filters.period = { from: query.du ?? "2000-01-01", to: query.au ?? "2999-12-31" };
  if (query.sujet) {
    const topic = parseTopic(query.sujet);
    if (topic) filters.topic = topic;
  }
  if (query.canal) filters.channel = query.canal;
  if (query.resultat) filters.outcome = query.resultat;
  if (query.vote) filters.helpful = query.vote;
  if (query.transfert !== undefined) filters.handedOff = query.transfert;
  if (query.echange) filters.exchanged = true;
  return filters;
}

export function hasConversationFilters(query: ConversationsQuery): boolean {
  return Boolean(
    query.du ||
      query.au ||
      query.sujet ||
      query.canal ||
      query.resultat ||
      query.vote ||
      query.echange ||
      query.transfert !== undefined,
  );
}

export function conversationsUrl(query: Partial<ConversationsQuery>, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.du) params.set("du", query.du);
  if (query.au) params.set("au", query.au);
  if (query.sujet) params.set("sujet", query.sujet);
  if (query.canal) params.set("canal", query.canal);
  if (query.resultat) params.set("resultat", query.resultat);
  if (query.vote) params.set("vote", VOTE_PARAMS[query.vote]);
  if (query.transfert !== undefined) params.set("transfert", query.transfert ? "oui" : "non");
  if (query.echange) params.set("echange", "1");
  if (cursor) params.set("apres", cursor);
  const search = params.toString();
  return search ? `${CONVERSATIONS_PATH}?${search}` : CONVERSATIONS_PATH;
}
