import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../../shared/app-error.ts";
import { themeCss } from "../../../web/assets/theme.ts";
import { buildWidgetBundle } from "../../../web/widget/build-widget.ts";
import type { AppDeps } from "../deps.ts";

const ASSETS_DIR = path.resolve(import.meta.dirname, "../../../web/assets");
const CACHE = "public, max-age=86400";
const DSFR_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
};

/**
 * The French state design system is reserved to state services: it is never a dependency of Guichet.
 * A state service that sets THEME=etat installs it itself (`npm install @gouvfr/dsfr`).
 */
export function findDsfrDist(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve("@gouvfr/dsfr/package.json");
    return path.join(path.dirname(pkg), "dist");
  } catch {
    return undefined;
  }
}

/** Our own assets only (no third-party host); read once at start. */
export async function registerAssetRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const siteCss = fs.readFileSync(path.join(ASSETS_DIR, "site.css"), "utf8");
  const theme = themeCss(deps.config.theme);
  app.get("/assets/site.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", CACHE).send(siteCss),
  );
  app.get("/assets/theme.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", CACHE).send(theme),
  );

  await registerWidgetScript(app);

  if (deps.config.theme.name !== "etat") return;
  const dsfrRoot = findDsfrDist();
  if (!dsfrRoot) {
    throw new Error(
      "Le thème « etat » utilise le système de design de l'État, réservé aux services de l'État : " +
        "installez-le avec « npm install @gouvfr/dsfr » ou choisissez THEME=neutre.",
    );
  }
  app.get<{ Params: { "*": string } }>("/assets/dsfr/*", async (request, reply) => {
    const file = path.resolve(dsfrRoot, request.params["*"]);
    const type = DSFR_TYPES[path.extname(file)];
    if (!type || !file.startsWith(dsfrRoot + path.sep) || !fs.existsSync(file))
      throw new AppError("NOT_FOUND");
    return reply.type(type).header("cache-control", CACHE).send(fs.createReadStream(file));
  });
}

/**
 * /widget.js, loaded by the towns' own sites (hence the cross-origin resource policy). Its address
 * never changes, so it is cached for a day and revalidated by ETag; `?v=<version>` is immutable.
 */
async function registerWidgetScript(app: FastifyInstance): Promise<void> {
  const widget = await buildWidgetBundle();
  app.get<{ Querystring: { v?: string } }>("/widget.js", async (request, reply) => {
    reply
      .type("text/javascript; charset=utf-8")
      .header("etag", widget.etag)
      .header("cross-origin-resource-policy", "cross-origin")
      .header(
        "cache-control",
        request.query.v === widget.version
          ? "public, max-age=31536000, immutable"
          : "public, max-age=86400, stale-while-revalidate=604800",
      );
    const known = (request.headers["if-none-match"] ?? "")
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""));
    if (known.includes(widget.etag)) return reply.code(304).send();
    return reply.send(widget.code);
  });
}
