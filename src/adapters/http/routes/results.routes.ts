/**
 * The public results (/resultats): the latest published snapshot or a chosen one, as a page, CSV and
 * JSON. Reads published snapshots only — nothing here computes a figure.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import {
  findPublishedResults,
  listPublishedPeriods,
  type ResultsPublication,
  resultsCsv,
  resultsJson,
} from "../../../domains/commitments/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import {
  CHARTS_CSS,
  RESULTS_CSS,
  RESULTS_PATH,
  resultsView,
} from "../../../web/pages/results/results-page.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const WEB_DIR = path.resolve(import.meta.dirname, "../../../web");
const ASSET_CACHE = "public, max-age=86400";
/** Published figures change only when a manager publishes or withdraws: a few minutes of cache is fine. */
const PAGE_CACHE = "public, max-age=300";

function notPublished(): AppError {
  return new AppError("NOT_FOUND", {
    message: "results not published",
    userMessage:
      "Ces résultats ne sont pas publiés : ils ont peut-être été retirés. Consultez les derniers résultats publiés.",
  });
}

function sendFile(
  reply: FastifyReply,
  publication: ResultsPublication,
  format: "csv" | "json",
): FastifyReply {
  const name = `resultats-${publication.period.from}-${publication.period.to}.${format}`;
  reply
    .header("cache-control", PAGE_CACHE)
    // Open data: any site may fetch it.
    .header("access-control-allow-origin", "*")
    .header("cross-origin-resource-policy", "cross-origin");
  if (format === "csv")
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(resultsCsv(publication.snapshot));
  return reply
    .type("application/json; charset=utf-8")
    .header("content-disposition", `inline; filename="${name}"`)
    .send(resultsJson(publication.snapshot));
}

export async function registerResultsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  for (const [route, file] of [
    [CHARTS_CSS, "charts/charts.css"],
    [RESULTS_CSS, "pages/results/results.css"],
  ] as const) {
    const css = fs.readFileSync(path.join(WEB_DIR, file), "utf8");
    app.get(route, async (_request, reply) =>
      reply.type("text/css; charset=utf-8").header("cache-control", ASSET_CACHE).send(css),
    );
  }

  const render = async (reply: FastifyReply, publication: ResultsPublication | null) => {
    const periods = await listPublishedPeriods(deps.db, { organisationId });
    reply.header("cache-control", PAGE_CACHE);
    return sendPage(reply, resultsView({ site: siteContext(deps), publication, periods }));
  };

  app.get(RESULTS_PATH, async (_request, reply) =>
    render(reply, await findPublishedResults(deps.db, { organisationId })),
  );

  for (const format of ["csv", "json"] as const)
    app.get(`${RESULTS_PATH}.${format}`, async (_request, reply) => {
      const latest = await findPublishedResults(deps.db, { organisationId });
      if (!latest) throw notPublished();
      return sendFile(reply, latest, format);
    });

  app.get<{ Params: { file: string } }>(`${RESULTS_PATH}/:file`, async (request, reply) => {
    const match = /^([0-9a-f-]{36})(?:\.(csv|json))?$/i.exec(request.params.file);
    if (!match) throw notPublished();
    const publication = await findPublishedResults(deps.db, { organisationId, publicationId: match[1]! });
    if (!publication) throw notPublished();
    const format = match[2]?.toLowerCase() as "csv" | "json" | undefined;
    return format ? sendFile(reply, publication, format) : render(reply, publication);
  });
}
