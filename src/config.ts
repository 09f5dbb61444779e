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
    /** SMTP_IN_ROUTES: recipient → organisation; undefined = every recipient to ORG_SLUG. */
    inboundRoutes: InboundRouteConfig[] | undefined;
  };
  // ---- OpenID Connect ----
  /** Agents' sign-in with an OpenID Connect provider (ProConnect…); off unless OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
  // ---- retention ----
  retention: RetentionConfig;
  // ---- assistant ----
  assistant: AssistantConfig;
  // ---- assistant: generative mode ----
  /** OpenAI-compatible chat-completions API that rephrases passages; off unless LLM_API_URL is set. */
  llm: LlmConfig | undefined;
  // ---- voice ----
  voice: VoiceConfig;
  // ---- SMS ----
  /** HTTP SMS gateway for the links a caller asks for; off (never offered) unless SMS_API_URL is set. */
  sms: SmsConfig | undefined;
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
    inboundRoutes: readInboundRoutes(env, inPortRaw !== undefined && inPortRaw !== ""),
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
    // ---- retention ----
    retention: readRetentionConfig(env),
    // ---- assistant ----
    assistant: readAssistantConfig(env),
    // ---- assistant: generative mode ----
    llm: readLlmConfig(env),
    // ---- voice ----
    voice: readVoiceConfig(env),
    // ---- SMS ----
    sms: readSmsConfig(env),
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

// ---- assistant ----
export type AssistantConfig = {
  /** Sites allowed to embed the chat widget (CORS origins, e.g. "https://www.ville.fr"). */
  allowedOrigins: string[];
};

function readAssistantConfig(env: Env): AssistantConfig {
  const raw = env.ASSISTANT_ALLOWED_ORIGINS?.trim() ?? "";
  const allowedOrigins = raw
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new ConfigError(
          `ASSISTANT_ALLOWED_ORIGINS : « ${origin} » n'est pas une origine (ex. https://www.ville.fr).`,
        );
      }
      if (
        (url.protocol !== "https:" && url.protocol !== "http:") ||
        url.origin !== origin.replace(/\/$/, "")
      ) {
        throw new ConfigError(
          `ASSISTANT_ALLOWED_ORIGINS : « ${origin} » doit être une origine seule, sans chemin (ex. https://www.ville.fr).`,
        );
      }
      return url.origin;
    });
  return { allowedOrigins };
}

// ---- assistant: generative mode ----
export type LlmConfig = {
  /** Base URL up to the version segment: https://albert.api.etalab.gouv.fr/v1, http://127.0.0.1:11434/v1. */
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** Past this the assistant gives its extractive answer. */
  timeoutMs: number;
};

function readLlmConfig(env: Env): LlmConfig | undefined {
  const baseUrl = readUrl(env, "LLM_API_URL", undefined, ["http:", "https:"]);
  if (!baseUrl) return undefined;
  const url = new URL(baseUrl);
  // fetch refuses credentials in a URL, and a query string would end up before /chat/completions.
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      "LLM_API_URL doit être l'adresse de base de l'API, sans identifiants ni paramètres (ex. https://albert.api.etalab.gouv.fr/v1) ; la clé va dans LLM_API_KEY.",
    );
  }
  const model = env.LLM_MODEL?.trim();
  if (!model) {
    throw new ConfigError("LLM_MODEL est obligatoire quand LLM_API_URL est défini (nom du modèle).");
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    model,
    apiKey: env.LLM_API_KEY?.trim() || undefined,
    timeoutMs: readInt(env, "LLM_TIMEOUT_MS", 4000, 100, 60_000),
  };
}

// ---- e-mail: inbound routes ----
/** One entry of SMTP_IN_ROUTES: a full address, or a whole domain, and the organisation's slug. */
export type InboundRouteConfig =
  | { address: string; organisationSlug: string }
  | { domain: string; organisationSlug: string };

const ROUTES_EXAMPLE = "« mairie@demo.fr=demo,autre.fr=autre »";

/** "mairie@demo.fr=demo,contact@autre.fr=autre" (a bare domain takes every address at it). */
function readInboundRoutes(env: Env, receiverOn: boolean): InboundRouteConfig[] | undefined {
  const raw = env.SMTP_IN_ROUTES?.trim();
  if (!raw) return undefined;
  if (!receiverOn)
    throw new ConfigError(
      "SMTP_IN_ROUTES n'a d'effet qu'avec le récepteur SMTP : définissez aussi SMTP_IN_PORT.",
    );
  const seen = new Set<string>();
  return raw
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [recipient, slug, extra] = entry.split("=").map((part) => part.trim());
      const key = recipient?.toLowerCase() ?? "";
      const isAddress = MAIL_ADDRESS.test(key);
      const isDomain = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(key);
      if (extra !== undefined || !slug || (!isAddress && !isDomain))
        throw new ConfigError(
          `SMTP_IN_ROUTES : « ${entry} » doit être de la forme adresse=organisation ou domaine=organisation, séparées par des virgules (par exemple ${ROUTES_EXAMPLE}).`,
        );
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug))
        throw new ConfigError(
          `SMTP_IN_ROUTES : « ${slug} » n'est pas un identifiant d'organisation (minuscules, chiffres et tirets, comme ORG_SLUG).`,
        );
      if (seen.has(key)) throw new ConfigError(`SMTP_IN_ROUTES : « ${key} » figure deux fois.`);
      seen.add(key);
      return isAddress ? { address: key, organisationSlug: slug } : { domain: key, organisationSlug: slug };
    });
}

// ---- retention ----
/** How long personal data is kept; purged by the scheduled tasks (see README, « Conservation des données »). */
export type RetentionConfig = {
  /** Closed cases are purged this many days after they were closed. */
  casesDays: number;
  /** Stored raw inbound e-mails and settled outbox rows are deleted after this many days. */
  emailsDays: number;
  /** Conversations with the assistant are deleted this many days after their last message. */
  conversationsDays: number;
  /** A resolved case the citizen did not reopen is closed after this many days. */
  autoCloseDays: number;
  /** References to call recordings are cleared this many days after the recording (at most a year). */
  recordingsDays: number;
};

function readRetentionConfig(env: Env): RetentionConfig {
  return {
    casesDays: readInt(env, "RETENTION_CASES_DAYS", 3 * 365, 1, 100 * 365),
    emailsDays: readInt(env, "RETENTION_EMAILS_DAYS", 90, 1, 100 * 365),
    conversationsDays: readInt(env, "RETENTION_CONVERSATIONS_DAYS", 90, 1, 100 * 365),
    autoCloseDays: readInt(env, "CASE_AUTO_CLOSE_DAYS", 15, 1, 365),
    recordingsDays: readInt(env, "RETENTION_RECORDINGS_DAYS", 30, 1, 365),
  };
}

// ---- voice ----
export type VoiceConfig = {
  /** Where a caller is passed to a person during opening hours: +33… number or sip: URI; none = call-back only. */
  transferNumber: string | undefined;
  /** Signs the Twilio-style webhooks (X-Twilio-Signature); unset: unsigned requests accepted outside production. */
  twilioAuthToken: string | undefined;
  /** OpenAI-compatible speech-to-text (/audio/transcriptions); none: calls on audio streams use the keypad. */
  stt: { baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  /** VOICE_RECORDINGS=on: the conversation with an agent is recorded, with the caller's consent (off by default). */
  recordings: boolean;
  /**
   * VOICE_BROWSER_SPEECH=on: without a speech-to-text service, the web assistant may use the browser's own
   * speech recognition and synthesis — which send the citizen's voice to the browser maker's servers, hence off.
   */
  browserSpeech: boolean;
  /** Asterisk AudioSocket TCP server (VOICE_AUDIOSOCKET_PORT); absent (the key too) when off. */
  audiosocket?: { port: number; host: string };
};

function readVoiceConfig(env: Env): VoiceConfig {
  const transfer = env.VOICE_TRANSFER_NUMBER?.trim() || undefined;
  if (
    transfer !== undefined &&
    !/^\+?[0-9]{3,15}$/.test(transfer) &&
    !/^sips?:[^\s<>"'&]{3,200}$/.test(transfer)
  ) {
    throw new ConfigError(
      `VOICE_TRANSFER_NUMBER doit être un numéro (ex. +33123456789) ou une adresse SIP (ex. sip:accueil@mairie.fr) (reçu : « ${transfer} »).`,
    );
  }
  const sttUrl = readUrl(env, "VOICE_STT_URL", undefined, ["http:", "https:"]);
  const model = env.VOICE_STT_MODEL?.trim();
  if (sttUrl && !model)
    throw new ConfigError("VOICE_STT_MODEL est obligatoire quand VOICE_STT_URL est défini (nom du modèle).");
  if (sttUrl) {
    const url = new URL(sttUrl);
    if (url.username || url.password || url.search || url.hash)
      throw new ConfigError(
        "VOICE_STT_URL doit être l'adresse de base de l'API, sans identifiants ni paramètres (ex. http://127.0.0.1:8000/v1) ; la clé va dans VOICE_STT_API_KEY.",
      );
  }
  return {
    transferNumber: transfer,
    twilioAuthToken: env.VOICE_TWILIO_AUTH_TOKEN?.trim() || undefined,
    recordings: readBool(env, "VOICE_RECORDINGS", false),
    browserSpeech: readBool(env, "VOICE_BROWSER_SPEECH", false),
    stt:
      sttUrl && model
        ? {
            baseUrl: sttUrl.replace(/\/+$/, ""),
            model,
            apiKey: env.VOICE_STT_API_KEY?.trim() || undefined,
            timeoutMs: readInt(env, "VOICE_STT_TIMEOUT_MS", 5000, 100, 60_000),
          }
        : undefined,
    ...(env.VOICE_AUDIOSOCKET_PORT?.trim()
      ? {
          audiosocket: {
            port: readInt(env, "VOICE_AUDIOSOCKET_PORT", 0, 1, 65535),
            host: env.VOICE_AUDIOSOCKET_HOST?.trim() || "127.0.0.1",
          },
        }
      : {}),
  };
}

// ---- SMS ----
export type SmsConfig = {
  /** POST JSON { to, text, from? } with a bearer token (src/adapters/sms/http-sms-sender.ts). */
  apiUrl: string;
  apiKey: string | undefined;
  /** Sender name shown on the phone (3 to 11 letters or digits), when the gateway allows one. */
  sender: string | undefined;
  timeoutMs: number;
};

function readSmsConfig(env: Env): SmsConfig | undefined {
  const apiUrl = readUrl(env, "SMS_API_URL", undefined, ["http:", "https:"]);
  if (!apiUrl) return undefined;
  const url = new URL(apiUrl);
  if (url.username || url.password)
    throw new ConfigError("SMS_API_URL ne doit pas contenir d'identifiants : la clé va dans SMS_API_KEY.");
  const sender = env.SMS_SENDER?.trim() || undefined;
  if (sender !== undefined && !/^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/.test(sender))
    throw new ConfigError(
      `SMS_SENDER doit faire 3 à 11 lettres ou chiffres, dont au moins une lettre (reçu : « ${sender} »).`,
    );
  return {
    apiUrl,
    apiKey: env.SMS_API_KEY?.trim() || undefined,
    sender,
    timeoutMs: readInt(env, "SMS_TIMEOUT_MS", 5000, 100, 60_000),
  };
}
