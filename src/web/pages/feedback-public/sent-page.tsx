import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";

/** "Merci" after a testimonial or a suggestion (also shown, neutral, when the robot trap was filled). */
export function FeedbackSentPage(props: {
  site: SiteContext;
  kind: "temoignage" | "suggestion";
  notify?: boolean;
}) {
  const testimonial = props.kind === "temoignage";
  const title = testimonial ? "Témoignage envoyé" : "Suggestion envoyée";
  return (
    <Page site={props.site} title={title} breadcrumb={[{ label: "Accueil", href: "/" }, { label: title }]}>
      <h1>
        Merci, {testimonial ? "votre témoignage a bien été envoyé" : "votre suggestion a bien été envoyée"}
      </h1>
      {testimonial ? (
        <p class="lead">
          Il sera relu par nos services, qui y répondront, avant d'être publié sur la page des témoignages.
          {props.notify ? " Nous vous écrirons quand il sera publié." : ""}
        </p>
      ) : (
        <p class="lead">
          Nos services lisent chaque suggestion. Celles qui sont retenues deviennent des actions que vous
          pouvez suivre.
        </p>
      )}
      <p>
        <a href={testimonial ? "/temoignages" : "/vous-avez-dit"}>
          {testimonial ? "Lire les témoignages publiés" : "Vous avez dit, nous avons fait"}
        </a>
      </p>
    </Page>
  );
}
