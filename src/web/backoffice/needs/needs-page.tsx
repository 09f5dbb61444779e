/** /admin/besoins — the needs dashboard: what citizens ask, by which channel, when, and where it waits. */
import type { VNode } from "preact";
import { MIN_SAMPLE } from "../../../domains/commitments/index.ts";
import type {
  NeedsDashboard,
  NeedsPeriodParams,
  PeriodChoice,
} from "../../../domains/commitments/needs/index.ts";
import { periodDays } from "../../../domains/commitments/needs/index.ts";
import { formatNumber } from "../../charts/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { ErrorSummary, type FieldError } from "../form-fields.tsx";
import { ActivitySection, StatusTimeSection } from "./activity-sections.tsx";
import { AssistantSection, UnansweredSection } from "./assistant-sections.tsx";
import { frenchDateTime, frenchDay, NEEDS_PATH, NEEDS_STYLES_PATH } from "./needs-labels.ts";
import { casesLink, conversationsLink } from "./needs-links.ts";
import { PeriodForm } from "./period-form.tsx";
import { TopicsSection } from "./topics-section.tsx";

export type NeedsPageProps = {
  site: SiteContext;
  today: string;
  choice: PeriodChoice;
  params: NeedsPeriodParams;
  dashboard?: NeedsDashboard | undefined;
  error?: FieldError | undefined;
  /** How long transcripts are kept (RETENTION_CONVERSATIONS_DAYS). */
  retentionDays: number;
};

function Summary(props: { dashboard: NeedsDashboard; retentionDays: number }) {
  const { dashboard } = props;
  const { period, arrivals } = dashboard;
  return (
    <>
      <p>
        Du {frenchDay(period.from)} au {frenchDay(period.to)} ({formatNumber(periodDays(period))} jours) :{" "}
        <a href={casesLink({ period })}>
          {formatNumber(arrivals.cases)} demande{arrivals.cases > 1 ? "s" : ""}
        </a>{" "}
        et{" "}
        <a href={conversationsLink({ period })}>
          {formatNumber(arrivals.conversations)} conversation{arrivals.conversations > 1 ? "s" : ""} avec
          l'assistant
        </a>
        .
      </p>
      <p class="hint">
        {dashboard.refreshedAt
          ? `Chiffres recalculés le ${frenchDateTime(dashboard.refreshedAt)} ; ils sont mis à jour chaque heure.`
          : "Les chiffres n'ont pas encore été calculés : ils le seront dans l'heure."}{" "}
        Les taux et les moyennes calculés sur moins de {MIN_SAMPLE} éléments ne sont pas affichés : trop peu
        nombreux pour en tirer une conclusion, ils pourraient aussi désigner une personne. Les conversations
        sont conservées {formatNumber(props.retentionDays)} jours : pour une période plus ancienne, leur liste
        peut en montrer moins que le chiffre.
      </p>
    </>
  );
}

export function NeedsPage(props: NeedsPageProps) {
  const { dashboard, site } = props;
  const roles = site.agent?.roles ?? [];
  return (
    <BackofficePage site={site} title="Besoins des usagers" hasErrors={props.error !== undefined}>
      {/* The dashboard's own styles (heat-map shades): a stylesheet link is allowed in the body. */}
      <link rel="stylesheet" href={NEEDS_STYLES_PATH} />
      <h1>Besoins des usagers</h1>
      <ErrorSummary errors={props.error ? [props.error] : []} />
      <PeriodForm
        action={NEEDS_PATH}
        choice={props.choice}
        params={props.params}
        today={props.today}
        error={props.error}
      />
      {dashboard ? (
        <>
          <Summary dashboard={dashboard} retentionDays={props.retentionDays} />
          <TopicsSection dashboard={dashboard} />
          <UnansweredSection
            dashboard={dashboard}
            canHandle={roles.includes("editor") || roles.includes("admin")}
          />
          <AssistantSection dashboard={dashboard} />
          <ActivitySection dashboard={dashboard} />
          <StatusTimeSection dashboard={dashboard} />
        </>
      ) : null}
    </BackofficePage>
  );
}

export const needsView = (props: NeedsPageProps): VNode => <NeedsPage {...props} />;
