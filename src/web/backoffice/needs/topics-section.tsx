/** Section 1 — what citizens ask: top pages, contact reasons by channel, top pages per channel. */
import type { NeedsDashboard, TopicRow } from "../../../domains/commitments/needs/index.ts";
import { BarChart, ChartFigure, formatNumber } from "../../charts/index.ts";
import { channelLabel, topicLabel } from "./needs-labels.ts";
import { casesLink, channelLink, conversationsLink } from "./needs-links.ts";

type Props = { dashboard: NeedsDashboard };

function Count(props: { count: number; href: string; label: string }) {
  if (props.count === 0) return <>0</>;
  return (
    <a href={props.href}>
      {formatNumber(props.count)}
      <span class="visually-hidden"> : {props.label}</span>
    </a>
  );
}

function TopTopics(props: Props) {
  const { rows } = props.dashboard.topics;
  const { period } = props.dashboard;
  const data = rows.map((row) => ({
    label: topicLabel(row.topic, row.title),
    value: row.total,
  }));
  return (
    <ChartFigure
      caption="Pages les plus demandées, demandes et conversations ensemble"
      note="Lien : les demandes de la boîte de réception sur cette page et cette période."
      table={{
        head: ["Page ou démarche", "Total", "Demandes", "Conversations avec l'assistant"],
        rows: rows.map((row) => ({
          label: topicLabel(row.topic, row.title),
          href:
            row.cases > 0
              ? casesLink({ topic: row.topic, period })
              : conversationsLink({ topic: row.topic, period }),
          cells: [formatNumber(row.total), formatNumber(row.cases), formatNumber(row.conversations)],
        })),
      }}
    >
      <BarChart title="Pages les plus demandées" data={data} />
    </ChartFigure>
  );
}

function ReasonsByChannel(props: Props) {
  const { rows, channels } = props.dashboard.topics;
  const { period } = props.dashboard;
  const caseChannels = channels.filter((channel) => channel.startsWith("case:"));
  const assistantChannels = channels.filter((channel) => channel.startsWith("conversation:"));
  const cell = (row: TopicRow, channel: (typeof channels)[number]) => (
    <td>
      <Count
        count={row.byChannel[channel] ?? 0}
        href={channelLink(channel, { topic: row.topic, period })}
        label={`${topicLabel(row.topic, row.title)}, ${channelLabel(channel)}`}
      />
    </td>
  );
  return (
    <div class="table-wrap">
      <table class="needs-figures">
        <caption>
          Motifs de contact par canal : demandes puis conversations avec l'assistant, par page (chaque nombre
          mène à la liste correspondante)
        </caption>
        <thead>
          <tr>
            <th scope="col">Page ou démarche</th>
            <th scope="col">Demandes, tous canaux</th>
            {caseChannels.map((channel) => (
              <th scope="col">{`Demandes : ${channelLabel(channel)}`}</th>
            ))}
            <th scope="col">Conversations, tous canaux</th>
            {assistantChannels.map((channel) => (
              <th scope="col">{channelLabel(channel)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{topicLabel(row.topic, row.title)}</th>
              <td>
                <Count
                  count={row.cases}
                  href={casesLink({ topic: row.topic, period })}
                  label={`demandes, ${topicLabel(row.topic, row.title)}`}
                />
              </td>
              {caseChannels.map((channel) => cell(row, channel))}
              <td>
                <Count
                  count={row.conversations}
                  href={conversationsLink({ topic: row.topic, period })}
                  label={`conversations, ${topicLabel(row.topic, row.title)}`}
                />
              </td>
              {assistantChannels.map((channel) => cell(row, channel))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TopicsPerChannel(props: Props) {
  const { period } = props.dashboard;
  return (
    <div class="needs-per-channel">
      {props.dashboard.topicsByChannel.map((entry) => (
        <section aria-labelledby={`canal-${entry.channel.replace(":", "-")}`}>
          <h4 id={`canal-${entry.channel.replace(":", "-")}`}>
            {channelLabel(entry.channel)} ({formatNumber(entry.total)})
          </h4>
          <ol>
            {entry.top.map((topic) => (
              <li>
                <a href={channelLink(entry.channel, { topic: topic.topic, period })}>
                  {topicLabel(topic.topic, topic.title)}
                </a>{" "}
                : {formatNumber(topic.count)}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function TopicsSection(props: Props) {
  const { dashboard } = props;
  const { others } = dashboard.topics;
  return (
    <section aria-labelledby="demandes-titre">
      <h2 id="demandes-titre">Ce que demandent les usagers</h2>
      <p class="needs-definition">
        Demandes reçues (tous canaux, jour d'ouverture) et conversations avec l'assistant dans lesquelles
        l'usager a écrit (jour de début), par page concernée : pour une demande, la fiche ou la démarche
        choisie ; pour une conversation, la première page dont l'assistant a tiré sa réponse. Une conversation
        transmise à un agent compte aussi comme demande (canal « Assistant en ligne »). Les doublons fusionnés
        ne sont pas comptés.
      </p>
      {dashboard.topics.rows.length === 0 ? (
        <p>Aucune demande ni conversation sur la période.</p>
      ) : (
        <>
          <TopTopics dashboard={dashboard} />
          {others.topics > 0 ? (
            <p>
              Et {formatNumber(others.topics)} autres pages, {formatNumber(others.total)} demandes et
              conversations en tout.
            </p>
          ) : null}
          <h3>Motifs de contact par canal</h3>
          <ReasonsByChannel dashboard={dashboard} />
          <h3>Pages les plus demandées sur chaque canal</h3>
          <TopicsPerChannel dashboard={dashboard} />
        </>
      )}
    </section>
  );
}
