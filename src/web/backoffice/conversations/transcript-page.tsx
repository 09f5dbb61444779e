/** /admin/conversations/<handle> — one conversation, read-only, for admins (each reading is audited). */
import type { VNode } from "preact";
import type { ConversationTranscript } from "../../../domains/commitments/needs/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { casePath, formatShortDateTime } from "../cases/labels.ts";
import {
  CONVERSATIONS_PATH,
  conversationChannelLabel,
  frenchDateTime,
  NEEDS_STYLES_PATH,
  OUTCOME_LABELS,
  topicLabel,
  VOTE_LABELS,
} from "../needs/needs-labels.ts";

const AUTHORS: Record<string, string> = { citizen: "Usager", assistant: "Assistant", agent: "Agent" };

export type TranscriptPageProps = {
  site: SiteContext;
  transcript: ConversationTranscript;
  topicTitle: string | null;
  retentionDays: number;
};

function Vote(props: { helpful: boolean | null }) {
  if (props.helpful === null) return null;
  return <p class="transcript-vote">Vote de l'usager : {props.helpful ? "utile" : "pas utile"}</p>;
}

export function TranscriptPage(props: TranscriptPageProps) {
  const { transcript } = props;
  return (
    <BackofficePage site={props.site} title="Conversation avec l'assistant">
      <link rel="stylesheet" href={NEEDS_STYLES_PATH} />
      <p>
        <a href={CONVERSATIONS_PATH}>Retour à la liste des conversations</a>
      </p>
      <h1>Conversation du {frenchDateTime(transcript.startedAt)}</h1>
      <p class="hint">
        Lecture seule. Cette lecture est enregistrée dans le journal des accès. La conversation sera supprimée{" "}
        {props.retentionDays} jours après sa dernière activité.
      </p>
      <dl class="transcript-info">
        <dt>Canal</dt>
        <dd>{conversationChannelLabel(transcript.channel)}</dd>
        <dt>Page concernée</dt>
        <dd>{topicLabel(transcript.topic, props.topicTitle)}</dd>
        <dt>Dernière issue</dt>
        <dd>{OUTCOME_LABELS[transcript.outcome] ?? transcript.outcome}</dd>
        <dt>Vote sur la dernière réponse</dt>
        <dd>{VOTE_LABELS[transcript.helpful]}</dd>
        <dt>Demande ouverte</dt>
        <dd>
          {transcript.caseReference ? (
            <a href={casePath(transcript.caseReference)}>{transcript.caseReference}</a>
          ) : transcript.handedOff ? (
            "Oui"
          ) : (
            "Non"
          )}
        </dd>
        <dt>Dernière activité</dt>
        <dd>{frenchDateTime(transcript.lastActivityAt)}</dd>
      </dl>
      <section aria-labelledby="transcription-titre">
        <h2 id="transcription-titre">Messages</h2>
        {transcript.entries.length === 0 ? (
          <p>Aucun message.</p>
        ) : (
          <ol class="transcript">
            {transcript.entries.map((entry) => (
              <li class={`transcript-${entry.author}`}>
                <p class="transcript-meta">
                  <strong>{AUTHORS[entry.author] ?? entry.author}</strong>, {formatShortDateTime(entry.at)}
                </p>
                <p class="transcript-text">{entry.text}</p>
                {entry.sources.length > 0 ? (
                  <p>
                    Sources :{" "}
                    {entry.sources.map((source, i) => (
                      <>
                        {i > 0 ? ", " : ""}
                        <a href={source.url}>{source.title}</a>
                      </>
                    ))}
                  </p>
                ) : null}
                {entry.case ? (
                  <p>
                    Demande ouverte : <a href={casePath(entry.case.reference)}>{entry.case.reference}</a>
                  </p>
                ) : null}
                <Vote helpful={entry.helpful} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </BackofficePage>
  );
}

export const transcriptView = (props: TranscriptPageProps): VNode => <TranscriptPage {...props} />;
