import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { themeCss } from "../../../web/assets/theme.ts";
import type { AppDeps } from "../deps.ts";

const ASSETS_DIR = path.resolve(import.meta.dirname, "../../../web/assets");

/** Our own assets only (no third-party host); read once at start. */
export async function registerAssetRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const siteCss = fs.readFileSync(path.join(ASSETS_DIR, "site.css"), "utf8");
  const theme = themeCss(deps.config.theme);
  const cache = "public, max-age=86400";
  app.get("/assets/site.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", cache).send(siteCss),
  );
  app.get("/assets/theme.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", cache).send(theme),
  );
}
