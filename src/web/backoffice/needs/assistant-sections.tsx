/** Sections 2 and 3 — questions left without an answer, and what the assistant settles alone. */
import { MIN_SAMPLE } from "../../../domains/commitments/index.ts";
import type { NeedsDashboard, ShownRate } from "../../../domains/commitments/needs/index.ts";
import { BarChart, ChartFigure, formatNumber, HIDDEN_TEXT } from "../../charts/index.ts";
import { UNANSWERED_PATH } from "../assistant/unanswered-page.tsx";
import { formatPercent } from "./needs-labels.ts";
import { conversationsLink } from "./needs-links.ts";

export function UnansweredSection(props: { dashboard: NeedsDashboard; canHandle: boolean }) {
  const { unanswered } = props.dashboard;
  return (
    <section aria-labelledby="sans-reponse-titre">
      <h2 id="sans-reponse-titre">Questions sans réponse</h2>
      <p class="needs-definition">
        Questions posées à l'assistant sur la période auxquelles il n'a rien trouvé, ou dont l'usager a dit
        que la réponse ne l'avait pas aidé. Les questions proches sont regroupées en un même besoin.
      </p>
      <p>
        <strong>{formatNumber(unanswered.total)}</strong> question{unanswered.total > 1 ? "s" : ""} sans
        réponse, dont {formatNumber(unanswered.open)} encore à traiter.{" "}
        {props.canHandle ? (
          <a href={UNANSWERED_PATH}>Traiter les questions sans réponse</a>
        ) : (
          <>Leur traitement (créer une réponse de FAQ) est réservé aux éditeurs.</>
        )}
      </p>
      {unanswered.groups.length > 0 ? (
        <div class="table-wrap">
          <table class="needs-figures">
            <caption>Besoins les plus exprimés sans réponse sur la période</caption>
            <thead>
              <tr>
                <th scope="col">Question (formulation la plus récente)</th>
                <th scope="col">Fois posée</th>
                <th scope="col">Dont « réponse pas utile »</th>
              </tr>
            </thead>
            <tbody>
              {unanswered.groups.map((group) => (
                <tr>
                  <th scope="row">{group.question}</th>
                  <td>{formatNumber(group.count)}</td>
                  <td>{formatNumber(group.notHelpfulCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

type RateRow = { label: string; definition: string; rate: ShownRate; href: string };

export function AssistantSection(props: { dashboard: NeedsDashboard }) {
  const { assistant, period } = props.dashboard;
  const sample = conversationsLink({ period, echange: true });
  const rows: RateRow[] = [
    {
      label: "Réglées sans agent",
      definition: "pas transmises à un agent, et l'usager a voté « utile » sur la dernière réponse",
      rate: assistant.deflection,
      href: conversationsLink({ period, echange: true, transfert: false, vote: "yes" }),
    },
    {
      label: "Réponse donnée",
      definition: "la conversation s'est terminée sur une réponse tirée des pages du site",
      rate: assistant.answer,
      href: conversationsLink({ period, resultat: "answered" }),
    },
    {
      label: "Transmises à un agent",
      definition: "une demande a été ouverte depuis la conversation",
      rate: assistant.handoff,
      href: conversationsLink({ period, echange: true, transfert: true }),
    },
  ];
  const shownValue = (rate: ShownRate) => (rate.shown ? formatPercent(rate.value) : HIDDEN_TEXT);
  return (
    <section aria-labelledby="assistant-titre">
      <h2 id="assistant-titre">Ce que l'assistant règle seul</h2>
      <p class="needs-definition">
        Parmi les conversations de la période dans lesquelles l'assistant a répondu quelque chose (
        <a href={sample}>
          {formatNumber(assistant.conversations)} conversation{assistant.conversations > 1 ? "s" : ""}
        </a>
        ), la part de chaque issue. Un taux calculé sur moins de {MIN_SAMPLE} conversations n'est pas affiché.
      </p>
      <ChartFigure
        caption="Issue des conversations avec l'assistant"
        note={`Sur ${formatNumber(assistant.conversations)} conversations.`}
        table={{
          head: ["Issue", "Part", "Conversations", "Définition"],
          rows: rows.map((row) => ({
            label: row.label,
            href: row.href,
            cells: [
              shownValue(row.rate),
              row.rate.shown
                ? `${formatNumber(row.rate.count)} sur ${formatNumber(row.rate.n)}`
                : `${formatNumber(row.rate.n)} en tout (moins de ${MIN_SAMPLE})`,
              row.definition,
            ],
          })),
        }}
      >
        <BarChart
          title="Issue des conversations avec l'assistant, en pourcentage"
          unit="%"
          max={100}
          data={rows.map((row) => ({
            label: row.label,
            value: (row.rate.value ?? 0) * 100,
            hidden: !row.rate.shown,
          }))}
        />
      </ChartFigure>
    </section>
  );
}
