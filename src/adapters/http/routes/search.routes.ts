import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import {
  cleanSearchText,
  MAX_LIMIT,
  parseAudience,
  parseSearchText,
} from "../../../domains/knowledge/search/search-query.ts";
import { AppError } from "../../../shared/app-error.ts";
import { searchPage } from "../../../web/pages/search-page.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

// Free strings on purpose: the use case refuses bad values with a precise French message,
// where a schema error could only say "invalid".
const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String()),
  audience: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT })),
});

const SearchResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      type: Type.Union([
        Type.Literal("fiche"),
        Type.Literal("procedure"),
        Type.Literal("faq"),
        Type.Literal("news"),
      ]),
      url: Type.String(),
      snippet: Type.String(),
      matchedTerms: Type.Array(Type.String()),
    }),
  ),
});

export async function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get(
    "/api/v1/search",
    { schema: { querystring: SearchQuerystring, response: { 200: SearchResponse } } },
    async (request) => {
      const text = parseSearchText(request.query.q);
      const audience = parseAudience(request.query.audience);
      const hits = await deps.search.search({
        organisationId: deps.organisation.id,
        text,
        audience,
        limit: request.query.limit,
      });
      request.log.info({ results: hits.length }, "search");
      return {
        results: hits.map(({ id, title, type, url, snippet, matchedTerms }) => ({
          id,
          title,
          type,
          url,
          snippet,
          matchedTerms,
        })),
      };
    },
  );

  typed.get("/recherche", { schema: { querystring: SearchQuerystring } }, async (request, reply) => {
    const query = cleanSearchText(request.query.q);
    const site = siteContext(deps);
    let audience: ReturnType<typeof parseAudience>;
    try {
      audience = parseAudience(request.query.audience);
      if (!query) return sendPage(reply, searchPage({ site, query: "", audience, results: [] }));
      const text = parseSearchText(query);
      const results = await deps.search.search({ organisationId: deps.organisation.id, text, audience });
      return sendPage(reply, searchPage({ site, query: text, audience, results }));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "BAD_REQUEST") throw error;
      // A refused query keeps the search form on screen, with the reason, instead of an error page.
      return sendPage(
        reply,
        searchPage({
          site,
          query: query.slice(0, 200),
          audience: undefined,
          results: [],
          refusal: error.userMessage,
        }),
        400,
      );
    }
  });
}
