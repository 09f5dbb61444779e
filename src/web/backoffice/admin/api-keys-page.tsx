import type { ApiKeyInfo } from "../../../domains/identity/api-keys/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { formatDateTime } from "../labels.ts";
import { AdminNav } from "./admin-nav.tsx";
import { ADMIN_API_KEYS_PATH, apiKeyRevokePath } from "./labels.ts";

export const API_KEY_NAME_FIELD_ID = "cle-nom";

/** Keys of the organisation for external systems (POST /api/v1/cases): list, create, revoke. */
export function ApiKeysPage(props: {
  site: SiteContext;
  keys: ApiKeyInfo[];
  name?: string;
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { error } = props;
  return (
    <BackofficePage site={props.site} title="Clés d'API" hasErrors={error !== undefined} flash={props.flash}>
      <AdminNav current="cles-api" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Clés d'API</h1>
      <p>
        Une clé permet à un autre logiciel de la collectivité (portail famille, application de signalement…)
        de déposer des demandes dans le guichet. Donnez une clé par logiciel : vous pourrez la révoquer seule.
      </p>
      {props.keys.length === 0 ? (
        <p>Aucune clé pour l'instant.</p>
      ) : (
        <div class="table-wrap">
          <table class="desk-inbox">
            <caption>Clés d'API de l'organisation, de la plus ancienne à la plus récente</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Créée le</th>
                <th scope="col">Dernière utilisation</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {props.keys.map((key) => (
                <tr>
                  <th scope="row">{key.name}</th>
                  <td>{formatDateTime(key.createdAt)}</td>
                  <td>
                    {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span class="desk-none">Jamais</span>}
                  </td>
                  <td>{key.revokedAt ? `Révoquée le ${formatDateTime(key.revokedAt)}` : "Active"}</td>
                  <td>
                    {key.revokedAt ? (
                      <span class="desk-none">Aucune</span>
                    ) : (
                      <a href={apiKeyRevokePath(key.id)}>
                        Révoquer<span class="visually-hidden"> la clé « {key.name} »</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="cle-nouvelle">
        <h2 id="cle-nouvelle">Créer une clé</h2>
        <form method="post" action={ADMIN_API_KEYS_PATH} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <Field
            id={API_KEY_NAME_FIELD_ID}
            label="Nom du logiciel qui utilisera la clé"
            hint="Par exemple « Portail famille ». La clé ne sera affichée qu'une fois, juste après sa création."
            required
            error={error?.id === API_KEY_NAME_FIELD_ID ? error.message : undefined}
          >
            {(describedBy) => (
              <input
                type="text"
                id={API_KEY_NAME_FIELD_ID}
                name="name"
                value={props.name ?? ""}
                required
                maxLength={100}
                autocomplete="off"
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <button type="submit">Créer la clé</button>
        </form>
      </section>
    </BackofficePage>
  );
}

/** Shown once, in the response to the creation: the secret is never stored nor shown again. */
export function ApiKeyCreatedPage(props: {
  site: SiteContext;
  name: string;
  secret: string;
  apiUrl: string;
}) {
  return (
    <BackofficePage site={props.site} title={`Clé d'API « ${props.name} » créée`}>
      <AdminNav current="cles-api" />
      <h1>Clé d'API « {props.name} » créée</h1>
      <div class="notice warning" role="status">
        <p>
          Copiez-la maintenant et transmettez-la par un moyen sûr : elle ne sera plus jamais affichée. Si elle
          est perdue, révoquez-la et créez-en une autre.
        </p>
      </div>
      <div class="form-field">
        <label for="cle-secret">Clé d'API</label>
        <p class="form-hint" id="cle-secret-aide">
          Le logiciel l'envoie dans l'en-tête « Authorization: Bearer » de ses appels à {props.apiUrl}.
        </p>
        <input
          type="text"
          id="cle-secret"
          value={props.secret}
          readOnly
          spellcheck={false}
          autocomplete="off"
          aria-describedby="cle-secret-aide"
          size={52}
        />
      </div>
      <p>
        <a href={ADMIN_API_KEYS_PATH}>Retour aux clés d'API</a>
      </p>
    </BackofficePage>
  );
}

export function ApiKeyRevokePage(props: { site: SiteContext; apiKey: ApiKeyInfo }) {
  const { apiKey } = props;
  return (
    <BackofficePage site={props.site} title={`Révoquer la clé d'API « ${apiKey.name} »`}>
      <AdminNav current="cles-api" />
      <h1>Révoquer la clé d'API « {apiKey.name} » ?</h1>
      <div class="notice warning">
        <p>
          Le logiciel qui l'utilise ne pourra plus déposer de demandes. La révocation est définitive : pour
          rétablir l'accès, il faudra créer une nouvelle clé.
        </p>
      </div>
      <form method="post" action={apiKeyRevokePath(apiKey.id)} class="bo-form">
        <CsrfField token={props.site.csrfToken} />
        <button type="submit" class="danger">
          Révoquer la clé
        </button>{" "}
        <a href={ADMIN_API_KEYS_PATH}>Annuler et revenir aux clés d'API</a>
      </form>
    </BackofficePage>
  );
}
