import {
  type AgentTestimonialView,
  TESTIMONIAL_CHANNEL_LABELS,
  TESTIMONIAL_FEELING_LABELS,
  TESTIMONIAL_STATUS_LABELS,
  TESTIMONIAL_TAGS,
  type TestimonialTag,
} from "../../../domains/feedback/testimonials/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, type FieldError, InputField, TextareaField } from "../form-fields.tsx";
import { actionPath, formatShort, MODERATION_PATH, testimonialPath } from "./paths.ts";

export type TestimonialPageValues = { motif: string; titre: string; recit: string; reponse: string };

export type TestimonialPageProps = {
  site: SiteContext;
  testimonial: AgentTestimonialView;
  viewer: { id: string; supervisor: boolean };
  values?: Partial<TestimonialPageValues>;
  errors?: FieldError[];
  flash?: string | undefined;
};

function PostButton(props: { action: string; label: string; csrf: string | undefined; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrf} />
      <button type="submit" class={props.secondary ? "secondary" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/** Rejecting needs a reason: the same form whether the testimonial is awaiting moderation or approved. */
function RejectForm(props: {
  action: string;
  csrf: string | undefined;
  error: string | undefined;
  motif: string;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrf} />
      <TextareaField
        id="motif"
        label="Motif du rejet"
        hint="Visible par les agents seulement."
        error={props.error}
        rows={2}
        maxlength={500}
        value={props.motif}
      />
      <button type="submit" class="secondary">
        Rejeter le témoignage
      </button>
    </form>
  );
}

export function TestimonialPage(props: TestimonialPageProps) {
  const t = props.testimonial;
  const errors = props.errors ?? [];
  const csrf = props.site.csrfToken;
  const base = testimonialPath(t.id);
  const err = (id: string) => errors.find((e) => e.id === id)?.message;
  const values: TestimonialPageValues = {
    motif: props.values?.motif ?? "",
    titre: props.values?.titre ?? t.title,
    recit: props.values?.recit ?? t.story,
    reponse: props.values?.reponse ?? t.replyDraft ?? "",
  };
  const canEdit = t.status !== "rejete";
  const canDraft = t.status === "a_moderer" || t.status === "approuve";
  const ownDraft = t.replyDraftedBy === props.viewer.id;
  return (
    <BackofficePage
      site={props.site}
      title={`Témoignage « ${t.title} »`}
      hasErrors={errors.length > 0}
      flash={props.flash}
    >
      <p>
        <a href={MODERATION_PATH}>Retour aux témoignages</a>
      </p>
      <h1>{t.title}</h1>
      <ErrorSummary errors={errors} />
      <dl>
        <dt>État</dt>
        <dd>
          <span class="badge">{TESTIMONIAL_STATUS_LABELS[t.status]}</span>
          {t.rejectionReason ? ` — motif : ${t.rejectionReason}` : ""}
        </dd>
        <dt>Reçu le</dt>
        <dd>{formatShort(t.createdAt)}</dd>
        <dt>Canal</dt>
        <dd>{TESTIMONIAL_CHANNEL_LABELS[t.channel]}</dd>
        <dt>Ressenti</dt>
        <dd>{TESTIMONIAL_FEELING_LABELS[t.feeling]}</dd>
        <dt>Thèmes</dt>
        <dd>{t.tags.map((tag) => TESTIMONIAL_TAGS[tag as TestimonialTag] ?? tag).join(", ") || "—"}</dd>
        <dt>Prévenir l'usager à la publication</dt>
        <dd>{t.wantsNotice ? "Oui (adresse conservée jusqu'à l'envoi)" : "Non"}</dd>
      </dl>
      {t.flaggedWords.length > 0 ? (
        <div class="notice warning">
          <p>
            Propos injurieux signalés : {t.flaggedWords.join(", ")}. Rejetez le témoignage ou retirez-les
            avant de l'approuver.
          </p>
        </div>
      ) : null}
      <h2>Récit</h2>
      <blockquote>
        {t.story.split(/\n{2,}/).map((p) => (
          <p>{p}</p>
        ))}
      </blockquote>

      <h2 id="moderation">Modération</h2>
      {t.status === "a_moderer" ? (
        <>
          <PostButton action={`${base}/approuver`} label="Approuver le témoignage" csrf={csrf} />
          <RejectForm action={`${base}/rejeter`} csrf={csrf} error={err("motif")} motif={values.motif} />
        </>
      ) : t.status === "approuve" ? (
        <RejectForm action={`${base}/rejeter`} csrf={csrf} error={err("motif")} motif={values.motif} />
      ) : (
        <p>
          {t.status === "publie"
            ? `Publié le ${t.publishedAt ? formatShort(t.publishedAt) : ""}.`
            : "Ce témoignage a été rejeté."}
        </p>
      )}

      {canEdit ? (
        <>
          <h2>Retirer des données personnelles</h2>
          <form method="post" action={`${base}/texte`} novalidate>
            <CsrfField token={csrf} />
            <InputField id="titre" label="Titre" error={err("titre")} maxlength={120} value={values.titre} />
            <TextareaField
              id="recit"
              label="Récit"
              hint="Les coordonnées restantes sont effacées à l'enregistrement."
              error={err("recit")}
              rows={8}
              maxlength={4000}
              value={values.recit}
            />
            <button type="submit" class="secondary">
              Enregistrer le texte
            </button>
          </form>
        </>
      ) : null}

      <h2 id="reponse-titre">Réponse publique</h2>
      {t.reply ? (
        <div class="notice">
          <p>{t.reply}</p>
          <p class="form-hint">
            Rédigée par {t.drafterName ?? "un agent"}, validée par {t.validatorName ?? "un superviseur"}.
          </p>
        </div>
      ) : null}
      {canDraft ? (
        <form method="post" action={`${base}/reponse`} novalidate>
          <CsrfField token={csrf} />
          <TextareaField
            id="reponse"
            label="Projet de réponse"
            hint={
              t.replyDraftedAt
                ? `Dernier projet par ${t.drafterName ?? "un agent"}, le ${formatShort(t.replyDraftedAt)}.`
                : "Elle sera publiée sous le témoignage après validation par un superviseur."
            }
            error={err("reponse")}
            rows={6}
            maxlength={3000}
            value={values.reponse}
          />
          <button type="submit">Enregistrer le projet de réponse</button>
        </form>
      ) : null}
      {t.status === "approuve" && props.viewer.supervisor ? (
        <div id="publication">
          {t.replyDraft && !ownDraft ? (
            <PostButton action={`${base}/valider`} label="Valider la réponse et publier" csrf={csrf} />
          ) : t.replyDraft ? (
            <p>Vous avez rédigé ce projet : un autre superviseur doit le valider.</p>
          ) : null}
          <PostButton
            action={`${base}/publier-sans-reponse`}
            label="Publier sans réponse"
            csrf={csrf}
            secondary
          />
        </div>
      ) : t.status === "approuve" && t.replyDraft ? (
        <p>Un superviseur (rôle administrateur) doit valider ce projet pour publier le témoignage.</p>
      ) : null}
      {t.status === "publie" && props.viewer.supervisor ? (
        <PostButton action={`${base}/retirer`} label="Retirer de la publication" csrf={csrf} secondary />
      ) : null}

      <h2>Amélioration</h2>
      {t.improvementActionId ? (
        <p>
          Action liée : <a href={actionPath(t.improvementActionId)}>{t.actionTitle ?? "voir l'action"}</a>
        </p>
      ) : (
        <PostButton action={`${base}/amelioration`} label="Amélioration à envisager" csrf={csrf} secondary />
      )}
    </BackofficePage>
  );
}
