import {
  type QueueEntry,
  TESTIMONIAL_CHANNEL_LABELS,
  TESTIMONIAL_STATUS_LABELS,
} from "../../../domains/feedback/testimonials/index.ts";
import type { TestimonialStatus } from "../../../shared/database.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { FeedbackNav } from "./feedback-nav.tsx";
import { formatShort, MODERATION_PATH, testimonialPath } from "./paths.ts";

const FILTERS: [string, string][] = [
  ["", "À traiter (à modérer et approuvés)"],
  ["publie", "Publiés"],
  ["rejete", "Rejetés"],
];

export function ModerationQueuePage(props: {
  site: SiteContext;
  entries: QueueEntry[];
  filter: "" | TestimonialStatus;
  flash?: string | undefined;
}) {
  return (
    <BackofficePage site={props.site} title="Témoignages" flash={props.flash}>
      <h1>Témoignages des usagers</h1>
      <FeedbackNav current={MODERATION_PATH} roles={props.site.agent?.roles} />
      <p>
        Relisez chaque témoignage : retirez les données personnelles qui resteraient, rejetez les propos
        injurieux, rédigez une réponse publique. Un superviseur valide la réponse, ce qui publie le
        témoignage.
      </p>
      <ul class="desk-pagination" aria-label="Filtrer par état">
        {FILTERS.map(([value, label]) => (
          <li>
            <a
              href={value ? `${MODERATION_PATH}?etat=${value}` : MODERATION_PATH}
              aria-current={props.filter === value ? "page" : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
      {props.entries.length === 0 ? (
        <p>Aucun témoignage dans cette liste.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {props.entries.length} témoignage{props.entries.length > 1 ? "s" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Reçu le</th>
                <th scope="col">Canal</th>
                <th scope="col">État</th>
                <th scope="col">À noter</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr>
                  <th scope="row">
                    <a href={testimonialPath(entry.id)}>{entry.title}</a>
                  </th>
                  <td>{formatShort(entry.createdAt)}</td>
                  <td>{TESTIMONIAL_CHANNEL_LABELS[entry.channel]}</td>
                  <td>
                    <span class="badge">{TESTIMONIAL_STATUS_LABELS[entry.status]}</span>
                  </td>
                  <td>
                    {[
                      entry.flagged ? "Propos injurieux signalés" : "",
                      entry.hasDraft ? "Réponse rédigée, à valider" : "",
                    ]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackofficePage>
  );
}
