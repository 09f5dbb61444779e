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
  // ---- e-mail ----
  mail: {
    /** Outgoing SMTP server (smtp:// or smtps://); when absent, e-mails wait in the outbox. */
    smtpUrl: string | undefined;
    /** From header of every e-mail sent, e.g. "Mairie de Démo <guichet@demo.fr>". */
    from: string;
    /** The bare address of `from`, lower-cased (mail from it coming back is a loop). */
    fromAddress: string;
    /** Right-hand side of the Message-IDs we generate; also how our own mail is recognised. */
    domain: string;
    /** Built-in SMTP receiver; off unless SMTP_IN_PORT is set. */
    inbound: { port: number; host: string; maxBytes: number } | undefined;
  };
  // ---- OpenID Connect ----
  /** Agents' sign-in with an OpenID Connect provider (ProConnect…); off unless OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
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

// ---- e-mail ----
const MAIL_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/;

function readMailConfig(env: Env, publicUrl: string): Config["mail"] {
  const domain = env.MAIL_DOMAIN?.trim().toLowerCase() || new URL(publicUrl).hostname;
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(domain)) {
    throw new ConfigError(`MAIL_DOMAIN doit être un nom de domaine comme mairie.fr (reçu : « ${domain} »).`);
  }
  const from = env.MAIL_FROM?.trim() || `guichet@${domain}`;
  const address = /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;
  if (!MAIL_ADDRESS.test(address)) {
    throw new ConfigError(
      "MAIL_FROM doit être une adresse e-mail, éventuellement avec un nom : « Mairie <guichet@mairie.fr> ».",
    );
  }
  const inPortRaw = env.SMTP_IN_PORT?.trim();
  return {
    smtpUrl: readUrl(env, "SMTP_URL", undefined, ["smtp:", "smtps:"]),
    from,
    fromAddress: address.trim().toLowerCase(),
    domain,
    inbound: inPortRaw
      ? {
          port: readInt(env, "SMTP_IN_PORT", 0, 0, 65535),
          host: env.SMTP_IN_HOST?.trim() || "127.0.0.1",
          maxBytes: readInt(env, "SMTP_IN_MAX_BYTES", 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
        }
      : undefined,
  };
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
  const publicUrl = readUrl(env, "PUBLIC_URL", `http://localhost:${port}`, ["http:", "https:"]) as string;
  return {
    env: nodeEnv,
    host: env.HOST?.trim() || "0.0.0.0",
    port,
    trustProxy: readTrustProxy(env),
    publicUrl,
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
    // ---- e-mail ----
    mail: readMailConfig(env, publicUrl),
    // ---- OpenID Connect ----
    oidc: readOidcConfig(env, publicUrl),
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}

// ---- OpenID Connect ----
export type OidcConfig = {
  /** Issuer URL or its discovery document (…/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, always with "openid". */
  scopes: string;
  /** Optional acr_values sent to the provider (ProConnect: e.g. "eidas1"). */
  acrValues: string | undefined;
  /** Text of the sign-in button. */
  label: string;
  /** Create an agent (role `agent` only) on first sign-in of an unknown address. */
  autoCreate: boolean;
  /** `${PUBLIC_URL}/admin/connexion/oidc/retour`, registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the agent back after logout; registered at the provider too. */
  postLogoutRedirectUri: string;
  /** Plain http is accepted only for a provider on this machine (development and tests). */
  allowHttp: boolean;
};

export const OIDC_DEFAULT_LABEL = "Se connecter avec le fournisseur d'identité de la collectivité";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function readOidcConfig(env: Env, publicUrl: string): OidcConfig | undefined {
  // Validated as a URL but kept as written: discovery compares the issuer exactly, trailing slash included.
  if (!readUrl(env, "OIDC_ISSUER", undefined, ["https:", "http:"])) return undefined;
  const issuer = (env.OIDC_ISSUER as string).trim();
  const allowHttp = issuer.startsWith("http:");
  if (allowHttp && !LOOPBACK_HOSTS.has(new URL(issuer).hostname)) {
    throw new ConfigError(
      "OIDC_ISSUER doit commencer par https: (http: seulement pour un fournisseur local).",
    );
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    throw new ConfigError(
      "OIDC_CLIENT_ID et OIDC_CLIENT_SECRET sont obligatoires quand OIDC_ISSUER est défini.",
    );
  }
  const scopes = (env.OIDC_SCOPES?.trim() || "openid email profile").split(/\s+/);
  if (!scopes.includes("openid") || !scopes.every((scope) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) {
    throw new ConfigError(
      `OIDC_SCOPES doit être une liste de portées séparées par des espaces, dont « openid » (reçu : « ${env.OIDC_SCOPES} »).`,
    );
  }
  const label = env.OIDC_LABEL?.trim() || OIDC_DEFAULT_LABEL;
  if (label.length > 120) throw new ConfigError("OIDC_LABEL ne doit pas dépasser 120 caractères.");
  return {
    issuer,
    clientId,
    clientSecret,
    scopes: [...new Set(scopes)].join(" "),
    acrValues: env.OIDC_ACR_VALUES?.trim() || undefined,
    label,
    autoCreate: readBool(env, "OIDC_AUTO_CREATE", false),
    redirectUri: `${publicUrl}/admin/connexion/oidc/retour`,
    postLogoutRedirectUri: `${publicUrl}/admin/connexion?deconnexion=1`,
    allowHttp,
  };
}
