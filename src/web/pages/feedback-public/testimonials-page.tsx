import {
  type PublicTestimonialPage,
  TESTIMONIAL_CHANNEL_LABELS,
  TESTIMONIAL_FEELING_LABELS,
  TESTIMONIAL_TAGS,
  type TestimonialTag,
} from "../../../domains/feedback/testimonials/index.ts";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { formatFrenchDate } from "../french-date.ts";

export type TestimonialsPageProps = {
  site: SiteContext;
  result: PublicTestimonialPage;
  tag: string | undefined;
};

function pageHref(page: number, tag: string | undefined): string {
  const query = new URLSearchParams();
  if (tag) query.set("theme", tag);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/temoignages?${text}` : "/temoignages";
}

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
    </>
  );
}

export function TestimonialsPage(props: TestimonialsPageProps) {
  const { result, tag } = props;
  const tagLabel = tag ? TESTIMONIAL_TAGS[tag as TestimonialTag] : undefined;
  const title =
    result.pageCount > 1 ? `Témoignages (page ${result.page} sur ${result.pageCount})` : "Témoignages";
  return (
    <Page
      site={props.site}
      title={title}
      path="/temoignages"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Témoignages" }]}
    >
      <h1>Vos expériences et nos réponses</h1>
      <p class="lead">
        Les usagers racontent leurs démarches ; nos services leur répondent. Chaque témoignage est relu pour
        retirer les données personnelles avant d'être publié.
      </p>
      <p>
        <a href="/temoignages/nouveau">Partager votre expérience</a> ·{" "}
        <a href="/vous-avez-dit">Vous avez dit, nous avons fait</a>
      </p>
      <form method="get" action="/temoignages" class="citizen-form">
        <label for="theme">Thème</label>
        <select id="theme" name="theme">
          <option value="">Tous les thèmes</option>
          {Object.entries(TESTIMONIAL_TAGS).map(([value, label]) => (
            <option value={value} selected={value === tag}>
              {label}
            </option>
          ))}
        </select>{" "}
        <button type="submit">Filtrer</button>
      </form>
      <p role="status">
        {result.total === 0
          ? tagLabel
            ? `Aucun témoignage publié sur le thème « ${tagLabel} » pour le moment.`
            : "Aucun témoignage publié pour le moment."
          : `${result.total} témoignage${result.total > 1 ? "s" : ""} publié${result.total > 1 ? "s" : ""}${tagLabel ? ` sur le thème « ${tagLabel} »` : ""}.`}
      </p>
      {result.items.map((item) => (
        <article class="card testimonial" aria-labelledby={`t-${item.id}`}>
          <h2 id={`t-${item.id}`}>{item.title}</h2>
          <p class="form-hint">
            Publié le {formatFrenchDate(item.publishedAt)} · {TESTIMONIAL_CHANNEL_LABELS[item.channel]} ·
            Ressenti : {TESTIMONIAL_FEELING_LABELS[item.feeling]}
          </p>
          <blockquote>
            <Paragraphs text={item.story} />
          </blockquote>
          {item.tags.length > 0 ? (
            <ul class="plain-list" aria-label="Thèmes">
              {item.tags.map((t) => (
                <li class="badge">{TESTIMONIAL_TAGS[t as TestimonialTag] ?? t}</li>
              ))}
            </ul>
          ) : null}
          {item.reply ? (
            <section class="notice" aria-label={`Réponse de ${props.site.organisation.name}`}>
              <h3>Réponse de {props.site.organisation.name}</h3>
              <Paragraphs text={item.reply} />
            </section>
          ) : null}
        </article>
      ))}
      {result.pageCount > 1 ? (
        <nav class="desk-pagination" aria-label="Pages de témoignages">
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={pageHref(result.page - 1, tag)} rel="prev">
                  Témoignages plus récents
                </a>
              </li>
            ) : null}
            <li aria-current="page">
              Page {result.page} sur {result.pageCount}
            </li>
            {result.page < result.pageCount ? (
              <li>
                <a href={pageHref(result.page + 1, tag)} rel="next">
                  Témoignages plus anciens
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Page>
  );
}
