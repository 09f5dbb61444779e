/**
 * The only reader of the environment. Parsed and validated once at start; fails fast with a
 * French message naming the faulty variable.
 */
import path from "node:path";

export type ThemeName = "neutre" | "etat";

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  /** Fastify trustProxy: false, true, a hop count or a list of proxy addresses (X-Forwarded-For). */
  trustProxy: boolean | number | string[];
  publicUrl: string;
  logLevel: string;
  /** PostgreSQL connection string; when absent, PGlite stores data in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Import service-public.fr fiches on start when the knowledge base is empty. */
  importOnStart: boolean;
  /** Create demo content (FAQ, news, an editor account) on first start. */
  seedDemo: boolean;
  /** Session secret; when absent one is generated once and kept in the database. */
  sessionSecret: string | undefined;
  organisation: { slug: string; name: string };
  /** Legal notice: who hosts the service (name, address, phone), shown on /mentions-legales. */
  hosting: string | undefined;
  theme: { name: ThemeName; primaryColor: string; accentColor: string };
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${key} doit être un entier entre ${min} et ${max} (reçu : « ${raw} »).`);
  }
  return value;
}

function readBool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "oui", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "non", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${key} doit valoir true ou false (reçu : « ${env[key]} »).`);
}

function readColor(env: Env, key: string, fallback: string): string {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!/^#[0-9a-fA-F]{6}$/.test(raw)) {
    throw new ConfigError(`${key} doit être une couleur hexadécimale comme #1d4f91 (reçu : « ${raw} »).`);
  }
  return raw.toLowerCase();
}

function readUrl(
  env: Env,
  key: string,
  fallback: string | undefined,
  protocols: string[],
): string | undefined {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${key} n'est pas une adresse valide.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${key} doit commencer par ${protocols.join(" ou ")}.`);
  }
  return raw.replace(/\/$/, "");
}

function readTrustProxy(env: Env): boolean | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || ["false", "non", "0"].includes(raw.toLowerCase())) return false;
  if (["true", "oui"].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const list = raw.split(",").map((part) => part.trim());
  if (list.some((part) => !/^[0-9a-fA-F.:/]+$/.test(part))) {
    throw new ConfigError(
      "TRUST_PROXY doit valoir true, un nombre de relais ou une liste d'adresses IP séparées par des virgules.",
    );
  }
  return list;
}

export function parseConfig(env: Env): Config {
  const nodeEnv =
    env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const port = readInt(env, "PORT", 3000, 0, 65535);
  const themeName = (env.THEME ?? "neutre").trim().toLowerCase();
  if (themeName !== "neutre" && themeName !== "etat") {
    throw new ConfigError(`THEME doit valoir « neutre » ou « etat » (reçu : « ${env.THEME} »).`);
  }
  const slug = (env.ORG_SLUG ?? "demo").trim();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) {
    throw new ConfigError("ORG_SLUG ne peut contenir que des minuscules, chiffres et tirets.");
  }
  const sessionSecret = env.SESSION_SECRET?.trim() || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError("SESSION_SECRET doit faire au moins 32 caractères.");
  }
  return {
    env: nodeEnv,
    host: env.HOST?.trim() || "0.0.0.0",
    port,
    trustProxy: readTrustProxy(env),
    publicUrl: readUrl(env, "PUBLIC_URL", `http://localhost:${port}`, ["http:", "https:"]) as string,
    logLevel: env.LOG_LEVEL?.trim() || (nodeEnv === "test" ? "silent" : "info"),
    databaseUrl: readUrl(env, "DATABASE_URL", undefined, ["postgres:", "postgresql:"]),
    dataDir: path.resolve(env.DATA_DIR?.trim() || "./data"),
    importOnStart: readBool(env, "IMPORT_ON_START", true),
    seedDemo: readBool(env, "SEED_DEMO", true),
    sessionSecret,
    organisation: {
      slug,
      name: env.ORG_NAME?.trim() || "Ville de Démo",
    },
    hosting: env.LEGAL_HOSTING?.trim() || undefined,
    theme: {
      name: themeName,
      primaryColor: readColor(env, "THEME_PRIMARY_COLOR", "#1d4f91"),
      accentColor: readColor(env, "THEME_ACCENT_COLOR", "#b34000"),
    },
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
