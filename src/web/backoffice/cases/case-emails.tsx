import type { CaseEmail } from "../../../domains/channels/email/index.ts";
import { formatShortDateTime } from "./labels.ts";

/** The delivery state in words, so a failure reads "Échec" and never relies on colour. */
export function emailStateText(email: CaseEmail): string {
  switch (email.status) {
    case "sent":
      return email.sentAt ? `Envoyé le ${formatShortDateTime(email.sentAt)}` : "Envoyé";
    case "pending":
      return email.nextAttemptAt
        ? `En attente — nouvel essai à ${formatShortDateTime(email.nextAttemptAt)}`
        : "En attente d'envoi";
    case "sending":
      return "Envoi en cours";
    case "failed":
      return `Échec : ${email.lastError ?? "raison non indiquée par le serveur de messagerie"}`;
  }
}

/** Outgoing e-mails of a case: did the acknowledgement and replies leave? */
export function CaseEmailsTable(props: { emails: CaseEmail[] }) {
  return (
    <div class="table-wrap">
      <table class="desk-emails">
        <caption>Courriels envoyés pour cette demande, du plus récent au plus ancien</caption>
        <thead>
          <tr>
            <th scope="col">Objet</th>
            <th scope="col">État</th>
            <th scope="col">Tentatives</th>
          </tr>
        </thead>
        <tbody>
          {props.emails.map((email) => (
            <tr class={email.status === "failed" ? "desk-email-failed" : undefined}>
              <th scope="row">{email.subject}</th>
              <td>
                {email.status === "failed" ? (
                  <strong class="desk-email-state">{emailStateText(email)}</strong>
                ) : (
                  emailStateText(email)
                )}
              </td>
              <td>{email.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
