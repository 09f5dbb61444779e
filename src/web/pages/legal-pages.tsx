/** Legal notice and accessibility statement: required on every French public website. */
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";

export function LegalNoticePage(props: { site: SiteContext; hosting?: string }) {
  const name = props.site.organisation.name;
  return (
    <Page
      site={props.site}
      title="Mentions légales"
      path="/mentions-legales"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mentions légales" }]}
    >
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Ce site est édité par {name}. Adresse du site : {props.site.publicUrl}. Le directeur de la publication
        est le maire ou le président de {name}.
      </p>
      <h2>Hébergement</h2>
      <p>{props.hosting ?? "Hébergeur : à compléter par la collectivité (nom, adresse, téléphone)."}</p>
      <h2>Contenus</h2>
      <p>
        Les fiches pratiques reproduisent les informations de service-public.fr, publiées par la Direction de
        l'information légale et administrative (DILA) sous licence ouverte. Chaque fiche indique sa date de
        dernière modification et un lien vers la page d'origine. Les démarches, questions fréquentes et
        actualités propres à la commune sont rédigées par ses agents.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Consulter ce site ne demande aucun compte et ne dépose aucun cookie de mesure d'audience ni de
        publicité.
      </p>
      <ul>
        <li>
          Ce que nous recevons : les pages demandées et les mots tapés dans la recherche, le temps de vous
          répondre.
        </li>
        <li>
          Journaux techniques : ils servent à la sécurité et au bon fonctionnement du service ; ils
          contiennent des identifiants techniques et le résultat des demandes, jamais le contenu de vos
          messages ni de données personnelles.
        </li>
        <li>
          Espace agents : un cookie de session, strictement nécessaire, est déposé uniquement lors de la
          connexion d'un agent.
        </li>
      </ul>
      <p>
        Vous disposez d'un droit d'accès, de rectification et d'effacement de vos données (règlement général
        sur la protection des données). Pour l'exercer, adressez-vous à {name}. Vous pouvez aussi saisir la
        CNIL.
      </p>
    </Page>
  );
}

export function AccessibilityPage(props: { site: SiteContext }) {
  const name = props.site.organisation.name;
  return (
    <Page
      site={props.site}
      title="Accessibilité"
      path="/accessibilite"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Accessibilité" }]}
    >
      <h1>Déclaration d'accessibilité</h1>
      <p>
        {name} s'engage à rendre ce site accessible conformément à l'article 47 de la loi n° 2005-102 du 11
        février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        Ce site est <strong>non conforme</strong> au référentiel général d'amélioration de l'accessibilité
        (RGAA) : aucun audit n'a encore été mené. <strong>Un audit est en cours</strong> ; ses résultats
        seront publiés sur cette page.
      </p>
      <p>
        Le site est conçu pour fonctionner sans JavaScript, au clavier et avec les lecteurs d'écran ; ses
        pages principales sont vérifiées automatiquement à chaque modification.
      </p>
      <h2>Signaler un problème</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez {name} (accueil de la mairie,
        par courrier ou par téléphone) en décrivant la page et la difficulté rencontrée : nous vous aiderons à
        obtenir l'information sous une autre forme et corrigerons le problème.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (formulaire
        en ligne sur defenseurdesdroits.fr, ou par courrier gratuit : Défenseur des droits, Libre réponse
        71120, 75342 Paris CEDEX 07).
      </p>
    </Page>
  );
}
