/** The public site: home, themes, publication pages, the town's FAQ, news and procedures, legal pages. */
import type { FastifyInstance } from "fastify";
import { getFichePage, listPopularProcedures, listThemes } from "../../../domains/knowledge/fiches/index.ts";
import { getPublishedItem, listPublishedItems } from "../../../domains/knowledge/local/published.repo.ts";
import { renderContextFor } from "../../../web/pages/fiche-page.tsx";
import {
  accessibilityView,
  faqView,
  ficheView,
  homeView,
  legalNoticeView,
  localItemsListView,
  localItemView,
  themesView,
} from "../../../web/pages/views.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const HOME_NEWS_COUNT = 3;

export async function registerPublicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);

  app.get("/", async (_request, reply) => {
    const [popular, themes, news] = await Promise.all([
      listPopularProcedures(deps.db, { organisationId }),
      listThemes(deps.db, { organisationId }),
      listPublishedItems(deps.db, {
        organisationId,
        kind: "news",
        now: deps.clock.now(),
        limit: HOME_NEWS_COUNT,
      }),
    ]);
    return sendPage(reply, homeView({ site, popular, themes, news }));
  });

  app.get("/themes", async (_request, reply) => {
    const themes = await listThemes(deps.db, { organisationId });
    return sendPage(reply, themesView({ site, themes }));
  });

  app.get<{ Params: { id: string } }>("/fiches/:id", async (request, reply) => {
    const { fiche, linkedTitles } = await getFichePage(deps.db, { organisationId, id: request.params.id });
    return sendPage(reply, ficheView({ site, fiche, ctx: renderContextFor(fiche, linkedTitles) }));
  });

  app.get("/faq", async (_request, reply) => {
    const items = await listPublishedItems(deps.db, { organisationId, kind: "faq", now: deps.clock.now() });
    return sendPage(reply, faqView({ site, items }));
  });

  for (const [path, kind] of [
    ["/actualites", "news"],
    ["/demarches", "procedure"],
  ] as const) {
    app.get(path, async (_request, reply) => {
      const items = await listPublishedItems(deps.db, { organisationId, kind, now: deps.clock.now() });
      return sendPage(reply, localItemsListView({ site, kind, items }));
    });
    app.get<{ Params: { slug: string } }>(`${path}/:slug`, async (request, reply) => {
      const item = await getPublishedItem(deps.db, {
        organisationId,
        kind,
        slug: request.params.slug,
        now: deps.clock.now(),
      });
      return sendPage(reply, localItemView({ site, kind, item }));
    });
  }

  app.get("/mentions-legales", async (_request, reply) =>
    sendPage(reply, legalNoticeView({ site, hosting: deps.config.hosting })),
  );
  app.get("/accessibilite", async (_request, reply) => sendPage(reply, accessibilityView({ site })));
}
