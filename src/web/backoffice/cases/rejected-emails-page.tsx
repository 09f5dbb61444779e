import type { RejectedInboundEmail } from "../../../domains/channels/email/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { formatShortDateTime, INBOX_PATH } from "./labels.ts";

/** "failed" holds a technical error text (not for agents): the message is kept and retried. */
function reasonOf(email: RejectedInboundEmail): string {
  if (email.status === "failed")
    return "Erreur technique pendant le traitement ; le courriel est conservé et sera traité de nouveau.";
  return email.error ?? "Raison non indiquée.";
}

/** Incoming e-mails that did not reach a case; no sender nor content is shown (privacy). */
export function RejectedEmailsPage(props: { site: SiteContext; emails: RejectedInboundEmail[] }) {
  return (
    <BackofficePage site={props.site} title="Courriels non traités">
      <p class="desk-back">
        <a href={INBOX_PATH}>Retour aux demandes</a>
      </p>
      <h1>Courriels non traités</h1>
      <p>
        Courriels reçus qui n'ont pas pu devenir une demande (les 50 plus récents). Ni l'expéditeur ni le
        contenu ne sont affichés ici.
      </p>
      {props.emails.length === 0 ? (
        <p>Aucun courriel refusé.</p>
      ) : (
        <div class="table-wrap">
          <table class="desk-emails">
            <caption>Courriels refusés ou en erreur, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Reçu le</th>
                <th scope="col">État</th>
                <th scope="col">Raison</th>
              </tr>
            </thead>
            <tbody>
              {props.emails.map((email) => (
                <tr>
                  <th scope="row">{formatShortDateTime(email.receivedAt)}</th>
                  <td>{email.status === "failed" ? "En erreur" : "Refusé"}</td>
                  <td>{reasonOf(email)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackofficePage>
  );
}
