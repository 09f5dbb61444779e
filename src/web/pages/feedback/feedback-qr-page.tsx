import { renderSVG } from "uqr";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { FEEDBACK_CSS } from "./feedback-page.tsx";

export type QrChannelChoice = { value: string; label: string };

/** The questionnaire's address as an SVG QR code, to print and put on a counter or a poster. */
export function qrCodeDataUrl(url: string): string {
  // A quiet zone of 4 modules, as the QR standard asks, so phones read it off paper.
  const svg = renderSVG(url, { ecc: "M", border: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export function FeedbackQrPage(props: {
  site: SiteContext;
  url: string;
  channel: string;
  topic: string;
  channels: QrChannelChoice[];
}) {
  return (
    <Page
      site={props.site}
      title="Code QR « Je donne mon avis »"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Code QR à imprimer" }]}
      stylesheets={[FEEDBACK_CSS]}
    >
      <div class="qr-poster">
        <h1>Votre avis compte</h1>
        <p class="lead">
          Scannez ce code avec l'appareil photo de votre téléphone pour donner votre avis en deux minutes. Vos
          réponses sont anonymes.
        </p>
        <img
          class="qr-code"
          src={qrCodeDataUrl(props.url)}
          alt={`Code QR vers le questionnaire : ${props.url}`}
          width={320}
          height={320}
        />
        <p class="qr-url">{props.url}</p>
        <p>{props.site.organisation.name}</p>
      </div>
      <section class="no-print" aria-labelledby="qr-reglages">
        <h2 id="qr-reglages">Préparer un autre code</h2>
        <p>
          Imprimez cette page avec la fonction « Imprimer » de votre navigateur : seuls le titre, le code et
          l'adresse sont imprimés.
        </p>
        <form method="get" action="/avis/qr" class="citizen-form">
          <div class="form-field">
            <label for="canal">Lieu où le code sera affiché</label>
            <select id="canal" name="canal">
              {props.channels.map((channel) => (
                <option value={channel.value} selected={channel.value === props.channel}>
                  {channel.label}
                </option>
              ))}
            </select>
          </div>
          <div class="form-field">
            <label for="demarche">Démarche concernée</label>
            <p class="form-hint" id="demarche-aide">
              Facultatif. Par exemple F1341 pour une fiche de service-public.fr.
            </p>
            <input
              id="demarche"
              name="demarche"
              type="text"
              maxlength={100}
              value={props.topic}
              aria-describedby="demarche-aide"
            />
          </div>
          <button type="submit">Mettre à jour le code</button>
        </form>
      </section>
    </Page>
  );
}
