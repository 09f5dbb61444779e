import type { PublicCaseView } from "../../../domains/cases/index.ts";
import { ErrorSummary, Field, type FieldError } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { formatFrenchDate } from "../french-date.ts";

const parisTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

function When(props: { date: Date }) {
  return (
    <time datetime={props.date.toISOString()}>
      {formatFrenchDate(props.date)} à {parisTime.format(props.date).replace(":", " h ")}
    </time>
  );
}

const AUTHOR_LABELS = { citizen: "Vous", agent: "Réponse du service", system: "Message du service" } as const;

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

export type TrackingPageProps = {
  site: SiteContext;
  view: PublicCaseView;
  /** Where the reply form posts: the token's page, or the reference page with `grant`. */
  replyAction: string;
  /** Signed access when the page was reached with reference + e-mail (posted back with the reply). */
  grant?: string | undefined;
  /** Base of the document links; absent when only names can be shown. */
  documentsBase?: string | undefined;
  message?: string;
  errors?: FieldError[];
  notice?: string | undefined;
};

export function TrackingPage(props: TrackingPageProps) {
  const { view } = props;
  const errors = props.errors ?? [];
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  return (
    <Page
      site={props.site}
      title={`${errors.length > 0 ? "Erreur : " : ""}Suivi de la demande ${view.reference}`}
    >
      <h1>Suivi de votre demande {view.reference}</h1>
      {props.notice ? (
        <p class="notice-success" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {view.mergedFromReference ? (
        <p class="form-notice">
          Votre demande {view.mergedFromReference} a été regroupée avec celle-ci, qui traite du même sujet.
        </p>
      ) : null}
      <dl class="case-facts">
        <dt>Objet</dt>
        <dd>{view.subject}</dd>
        <dt>État</dt>
        <dd>
          <strong>{view.statusLabel}</strong>
        </dd>
        <dt>Déposée le</dt>
        <dd>
          <When date={view.openedAt} />
        </dd>
        <dt>Dernière mise à jour</dt>
        <dd>
          <When date={view.updatedAt} />
        </dd>
      </dl>
      <h2>Échanges</h2>
      <ol class="case-thread">
        {view.messages.map((message) => (
          <li class={`case-message from-${message.author}`}>
            <h3>
              {AUTHOR_LABELS[message.author]}, le <When date={message.createdAt} />
            </h3>
            <p class="case-message-body">{message.body}</p>
            {message.attachments.length > 0 ? (
              <>
                <p class="case-message-docs">Documents :</p>
                <ul>
                  {message.attachments.map((doc) => (
                    <li>
                      {props.documentsBase ? (
                        <a href={`${props.documentsBase}/${doc.id}`} download={doc.filename}>
                          {doc.filename}
                        </a>
                      ) : (
                        doc.filename
                      )}{" "}
                      ({formatSize(doc.sizeBytes)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {view.canReply ? (
        <form
          method="post"
          action={props.replyAction}
          enctype="multipart/form-data"
          class="citizen-form"
          novalidate
        >
          <h2>Répondre ou ajouter des documents</h2>
          {props.grant ? <input type="hidden" name="acces" value={props.grant} /> : null}
          <Field id="message" label="Votre message" required error={errorOf("message")}>
            {(describedBy) => (
              <textarea
                id="message"
                name="message"
                required
                rows={6}
                maxlength={20000}
                aria-describedby={describedBy}
                aria-invalid={errorOf("message") ? "true" : undefined}
              >
                {props.message ?? ""}
              </textarea>
            )}
          </Field>
          <Field
            id="documents"
            label="Documents"
            hint="Facultatif. 3 fichiers au plus, 10 Mo chacun : PDF, image PNG ou JPEG, ou texte."
            error={errorOf("documents")}
          >
            {(describedBy) => (
              <input
                id="documents"
                name="documents"
                type="file"
                multiple
                accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
                aria-describedby={describedBy}
                aria-invalid={errorOf("documents") ? "true" : undefined}
              />
            )}
          </Field>
          <button type="submit">Envoyer</button>
        </form>
      ) : (
        <p>
          Cette demande est close. Pour une nouvelle question, <a href="/contact">écrivez-nous</a>.
        </p>
      )}
      <p class="meta">Cette page est personnelle : ne transmettez pas son adresse.</p>
    </Page>
  );
}
