/** Sections 4 and 5 — channel mix over time, arrivals by hour and weekday, time spent in each status. */

import { type CaseStatus, isCaseStatus } from "../../../domains/cases/index.ts";
import { MIN_SAMPLE } from "../../../domains/commitments/index.ts";
import type { NeedsDashboard } from "../../../domains/commitments/needs/index.ts";
import { ChartFigure, formatNumber, LineChart, lineChartTable } from "../../charts/index.ts";
import { AGENT_STATUS_LABELS } from "../cases/labels.ts";
import { HeatMapTable } from "./heat-map.tsx";
import { bucketLabel, channelLabel, formatDuration, topicLabel } from "./needs-labels.ts";
import { casesLink, conversationsLink } from "./needs-links.ts";

type Props = { dashboard: NeedsDashboard };

function ChannelMix(props: Props) {
  const { channelMix, period } = props.dashboard;
  const series = channelMix.series.map((entry) => ({
    name: channelLabel(entry.channel),
    points: channelMix.starts.map((start, i) => ({
      x: bucketLabel(start, channelMix.bucket),
      y: entry.counts[i] ?? 0,
    })),
  }));
  const per = channelMix.bucket === "week" ? "semaine" : "mois";
  return (
    <section aria-labelledby="canaux-titre">
      <h3 id="canaux-titre">Canaux au fil du temps</h3>
      <p class="needs-definition">
        Arrivées par {per} et par canal : demandes (jour d'ouverture) et conversations avec l'assistant (jour
        de début). La première et la dernière {per} peuvent n'être couvertes qu'en partie par la période. Voir{" "}
        <a href={casesLink({ period })}>toutes les demandes de la période</a> ou{" "}
        <a href={conversationsLink({ period })}>toutes les conversations de la période</a>.
      </p>
      {series.length === 0 ? (
        <p>Aucune arrivée sur la période.</p>
      ) : (
        <ChartFigure
          caption={`Arrivées par ${per} et par canal`}
          table={lineChartTable(series, { xHeader: channelMix.bucket === "week" ? "Semaine" : "Mois" })}
        >
          <LineChart title={`Arrivées par ${per} et par canal`} series={series} />
        </ChartFigure>
      )}
    </section>
  );
}

function Hours(props: Props) {
  const { all, phone } = props.dashboard.hours;
  return (
    <section aria-labelledby="heures-titre">
      <h3 id="heures-titre">Arrivées par heure et jour de la semaine</h3>
      <p class="needs-definition">
        Nombre de demandes et de conversations arrivées sur la période à chaque heure (heure de Paris) de
        chaque jour de la semaine, pour organiser l'accueil et le téléphone. Les nombres s'additionnent sur
        toutes les semaines de la période.
      </p>
      <p class="heat-legend">
        Plus une cellule est foncée, plus le créneau est chargé (le nombre est écrit dans chaque cellule) :{" "}
        <span class="heat-1">1er quart</span>
        <span class="heat-2">2e</span>
        <span class="heat-3">3e</span>
        <span class="heat-4">4e quart</span> du créneau le plus chargé.
      </p>
      {all.total === 0 ? (
        <p>Aucune arrivée sur la période.</p>
      ) : (
        <HeatMapTable
          caption={`Toutes les arrivées (${formatNumber(all.total)}) par heure et jour`}
          map={all}
        />
      )}
      {phone ? (
        <HeatMapTable
          caption={`Téléphone : demandes saisies pendant un appel et appels à l'assistant vocal (${formatNumber(phone.total)}), par heure et jour`}
          map={phone}
        />
      ) : null}
    </section>
  );
}

export function ActivitySection(props: Props) {
  return (
    <section aria-labelledby="activite-titre">
      <h2 id="activite-titre">Canaux et horaires</h2>
      <ChannelMix dashboard={props.dashboard} />
      <Hours dashboard={props.dashboard} />
    </section>
  );
}

function statusLabel(status: string): string {
  return isCaseStatus(status) ? AGENT_STATUS_LABELS[status] : status;
}

export function StatusTimeSection(props: Props) {
  const { statusTime } = props.dashboard;
  return (
    <section aria-labelledby="statuts-titre">
      <h2 id="statuts-titre">Où les demandes attendent</h2>
      <p class="needs-definition">
        Durée moyenne (temps calendaire) passée par une demande dans chaque statut avant d'en changer, pour
        les changements de statut de la période, par page concernée ; les pages où l'attente totale est la
        plus longue d'abord. Une moyenne calculée sur moins de {MIN_SAMPLE} changements n'est pas affichée.
        Chaque durée mène aux demandes de cette page qui sont dans ce statut aujourd'hui.
      </p>
      {statusTime.rows.length === 0 ? (
        <p>Pas assez de changements de statut sur la période pour calculer une moyenne.</p>
      ) : (
        <div class="table-wrap">
          <table class="needs-figures">
            <caption>
              Durée moyenne dans chaque statut, par page (nombre de changements entre parenthèses)
            </caption>
            <thead>
              <tr>
                <th scope="col">Page ou démarche</th>
                {statusTime.statuses.map((status) => (
                  <th scope="col">{statusLabel(status)}</th>
                ))}
                <th scope="col">Attente totale</th>
              </tr>
            </thead>
            <tbody>
              {statusTime.rows.map((row) => (
                <tr>
                  <th scope="row">{topicLabel(row.topic, row.title)}</th>
                  {statusTime.statuses.map((status) => {
                    const cell = row.cells[status];
                    if (!cell) return <td>—</td>;
                    if (!cell.shown || cell.averageHours === null)
                      return (
                        <td class="needs-hidden">{`moins de ${MIN_SAMPLE} (${formatNumber(cell.transitions)})`}</td>
                      );
                    return (
                      <td>
                        <a
                          href={casesLink({
                            topic: row.topic,
                            ...(isCaseStatus(status) ? { status: status as CaseStatus } : {}),
                          })}
                        >
                          {formatDuration(cell.averageHours)}
                          <span class="visually-hidden">
                            {` : ${topicLabel(row.topic, row.title)}, ${statusLabel(status)}`}
                          </span>
                        </a>{" "}
                        ({formatNumber(cell.transitions)})
                      </td>
                    );
                  })}
                  <td>{formatDuration(row.totalHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {statusTime.hiddenTopics > 0 ? (
        <p class="needs-hidden">
          {formatNumber(statusTime.hiddenTopics)} autre
          {statusTime.hiddenTopics > 1 ? "s pages ont" : " page a"} trop peu de changements de statut pour
          être affichée{statusTime.hiddenTopics > 1 ? "s" : ""}.
        </p>
      ) : null}
    </section>
  );
}
