/**
 * Where each figure of the dashboard leads: the inbox or the conversations list, filtered so the list
 * holds the items the figure counts (same topic, channel, period — days of arrival in Paris).
 */
import type { CaseStatus } from "../../../domains/cases/index.ts";
import { isCaseChannel, isCaseStatus } from "../../../domains/cases/index.ts";
import type { StatsPeriod } from "../../../domains/commitments/index.ts";
import type { ChannelKey } from "../../../domains/commitments/needs/index.ts";
import { topicParam } from "../../../domains/commitments/needs/index.ts";
import { inboxUrl } from "../cases/inbox-query.ts";
import { type ConversationsQuery, conversationsUrl } from "../conversations/conversations-query.ts";

type Target = { topic?: string; period?: StatsPeriod };

/** The inbox: requests opened in the period, about this page, by this channel, in this status. */
export function casesLink(target: Target & { channel?: string; status?: CaseStatus }): string {
  return inboxUrl({
    statut: target.status && isCaseStatus(target.status) ? target.status : undefined,
    equipe: undefined,
    canal: target.channel && isCaseChannel(target.channel) ? target.channel : undefined,
    aMoi: false,
    nonAffectees: false,
    enRetard: false,
    q: "",
    sujet: target.topic === undefined ? undefined : topicParam(target.topic),
    du: target.period?.from,
    au: target.period?.to,
    apres: undefined,
  });
}

/** The conversations list: started in the period, about this page, by this channel, with these outcomes. */
export function conversationsLink(
  target: Target & Partial<Omit<ConversationsQuery, "du" | "au" | "sujet" | "apres">>,
): string {
  const { topic, period, ...rest } = target;
  return conversationsUrl({
    ...rest,
    du: period?.from,
    au: period?.to,
    sujet: topic === undefined ? undefined : topicParam(topic),
  });
}

/** A count by channel: the inbox for a case channel, the conversations list for the assistant's. */
export function channelLink(channel: ChannelKey, target: Target): string {
  const [source, name = ""] = channel.split(":") as [string, string];
  return source === "case"
    ? casesLink({ ...target, channel: name })
    : conversationsLink({ ...target, canal: name as ConversationsQuery["canal"] });
}
