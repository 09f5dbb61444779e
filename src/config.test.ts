import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("defaults to PGlite in ./data on port 3000 with the neutral theme", () => {
    const config = parseConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /data$/);
    assert.equal(config.theme.name, "neutre");
    assert.equal(config.organisation.slug, "demo");
  });

  it("reads PostgreSQL and port settings", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://u@db:5432/guichet", PORT: "8080", THEME: "etat" });
    assert.equal(config.databaseUrl, "postgres://u@db:5432/guichet");
    assert.equal(config.port, 8080);
    assert.equal(config.theme.name, "etat");
  });

  it("trusts X-Forwarded-For only when told which proxies to trust", () => {
    assert.equal(parseConfig({}).trustProxy, false);
    assert.equal(parseConfig({ TRUST_PROXY: "1" }).trustProxy, 1);
    assert.deepEqual(parseConfig({ TRUST_PROXY: "10.0.0.1, 10.0.0.2" }).trustProxy, ["10.0.0.1", "10.0.0.2"]);
    assert.throws(() => parseConfig({ TRUST_PROXY: "n'importe quoi" }), /TRUST_PROXY/);
  });

  it("fails fast with a French message naming the variable", () => {
    assert.throws(
      () => parseConfig({ PORT: "abc" }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(() => parseConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL doit commencer/);
    assert.throws(() => parseConfig({ THEME_PRIMARY_COLOR: "blue" }), /THEME_PRIMARY_COLOR/);
    assert.throws(() => parseConfig({ SESSION_SECRET: "short" }), /SESSION_SECRET/);
  });
});

// ---- e-mail ----
describe("parseConfig — e-mail", () => {
  it("keeps e-mail in the outbox and the receiver off when nothing is configured", () => {
    const config = parseConfig({ PUBLIC_URL: "https://guichet.mairie-demo.fr" });
    assert.equal(config.mail.smtpUrl, undefined);
    assert.equal(config.mail.inbound, undefined);
    assert.equal(config.mail.domain, "guichet.mairie-demo.fr");
    assert.equal(config.mail.from, "guichet@guichet.mairie-demo.fr");
  });

  it("reads the SMTP server, sender and receiver settings", () => {
    const config = parseConfig({
      SMTP_URL: "smtp://relay.mairie.fr:25",
      MAIL_FROM: "Mairie de Démo <accueil@mairie.fr>",
      MAIL_DOMAIN: "Mairie.fr",
      SMTP_IN_PORT: "2525",
    });
    assert.equal(config.mail.smtpUrl, "smtp://relay.mairie.fr:25");
    assert.equal(config.mail.from, "Mairie de Démo <accueil@mairie.fr>");
    assert.equal(config.mail.fromAddress, "accueil@mairie.fr");
    assert.equal(config.mail.domain, "mairie.fr");
    assert.deepEqual(config.mail.inbound, { port: 2525, host: "127.0.0.1", maxBytes: 25 * 1024 * 1024 });
    const custom = parseConfig({ SMTP_IN_PORT: "25", SMTP_IN_HOST: "0.0.0.0", SMTP_IN_MAX_BYTES: "1048576" });
    assert.deepEqual(custom.mail.inbound, { port: 25, host: "0.0.0.0", maxBytes: 1048576 });
  });

  it("refuses bad e-mail settings with a French message naming the variable", () => {
    assert.throws(
      () => parseConfig({ SMTP_URL: "http://relay" }),
      /SMTP_URL doit commencer par smtp: ou smtps:/,
    );
    assert.throws(
      () => parseConfig({ MAIL_FROM: "Mairie <pas une adresse>" }),
      /MAIL_FROM doit être une adresse/,
    );
    assert.throws(() => parseConfig({ MAIL_DOMAIN: "mairie .fr" }), /MAIL_DOMAIN/);
    assert.throws(() => parseConfig({ SMTP_IN_PORT: "smtp" }), /SMTP_IN_PORT doit être un entier/);
    assert.throws(() => parseConfig({ SMTP_IN_PORT: "2525", SMTP_IN_MAX_BYTES: "-1" }), /SMTP_IN_MAX_BYTES/);
  });
});

// ---- OpenID Connect ----
describe("parseConfig — OpenID Connect", () => {
  const oidcEnv = {
    PUBLIC_URL: "https://guichet.mairie.fr",
    OIDC_ISSUER: "https://auth.example.gouv.fr/api/v2",
    OIDC_CLIENT_ID: "guichet",
    OIDC_CLIENT_SECRET: "secret-du-client",
  };

  it("is off unless OIDC_ISSUER is set", () => {
    assert.equal(parseConfig({}).oidc, undefined);
    assert.equal(parseConfig({ OIDC_CLIENT_ID: "x" }).oidc, undefined);
  });

  it("has safe defaults and derives the redirect URIs from PUBLIC_URL", () => {
    const oidc = parseConfig(oidcEnv).oidc;
    assert.deepEqual(oidc, {
      issuer: "https://auth.example.gouv.fr/api/v2",
      clientId: "guichet",
      clientSecret: "secret-du-client",
      scopes: "openid email profile",
      acrValues: undefined,
      label: "Se connecter avec le fournisseur d'identité de la collectivité",
      autoCreate: false,
      redirectUri: "https://guichet.mairie.fr/admin/connexion/oidc/retour",
      postLogoutRedirectUri: "https://guichet.mairie.fr/admin/connexion?deconnexion=1",
      allowHttp: false,
    });
  });

  it("reads ProConnect-style scopes, acr_values, label and auto-creation", () => {
    const oidc = parseConfig({
      ...oidcEnv,
      OIDC_ISSUER: "https://accounts.example/",
      OIDC_SCOPES: "openid  email given_name usual_name",
      OIDC_ACR_VALUES: "eidas1",
      OIDC_LABEL: "S'identifier avec ProConnect",
      OIDC_AUTO_CREATE: "oui",
    }).oidc;
    assert.equal(oidc?.issuer, "https://accounts.example/", "trailing slash kept for exact issuer match");
    assert.equal(oidc?.scopes, "openid email given_name usual_name");
    assert.equal(oidc?.acrValues, "eidas1");
    assert.equal(oidc?.label, "S'identifier avec ProConnect");
    assert.equal(oidc?.autoCreate, true);
  });

  it("accepts plain http only for a provider on this machine", () => {
    assert.equal(parseConfig({ ...oidcEnv, OIDC_ISSUER: "http://127.0.0.1:4000" }).oidc?.allowHttp, true);
    assert.throws(
      () => parseConfig({ ...oidcEnv, OIDC_ISSUER: "http://auth.example.fr" }),
      /OIDC_ISSUER doit commencer par https:/,
    );
  });

  it("fails fast in French on missing credentials or bad scopes", () => {
    assert.throws(
      () => parseConfig({ ...oidcEnv, OIDC_CLIENT_SECRET: "" }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /OIDC_CLIENT_ID et OIDC_CLIENT_SECRET sont obligatoires/.test(error.message),
    );
    assert.throws(() => parseConfig({ ...oidcEnv, OIDC_SCOPES: "email profile" }), /dont « openid »/);
    assert.throws(() => parseConfig({ ...oidcEnv, OIDC_SCOPES: 'openid "email"' }), /OIDC_SCOPES/);
    assert.throws(() => parseConfig({ ...oidcEnv, OIDC_AUTO_CREATE: "peut-être" }), /OIDC_AUTO_CREATE/);
  });
});

// ---- assistant: generative mode ----
describe("parseConfig — generative mode (LLM)", () => {
  it("is off by default, even with a model name alone", () => {
    assert.equal(parseConfig({}).llm, undefined);
    assert.equal(parseConfig({ LLM_MODEL: "albert-large" }).llm, undefined);
  });

  it("reads the API URL, model, key and timeout", () => {
    assert.deepEqual(
      parseConfig({
        LLM_API_URL: "https://albert.api.etalab.gouv.fr/v1/",
        LLM_MODEL: " albert-large ",
        LLM_API_KEY: "sk-test",
        LLM_TIMEOUT_MS: "2500",
      }).llm,
      {
        baseUrl: "https://albert.api.etalab.gouv.fr/v1",
        model: "albert-large",
        apiKey: "sk-test",
        timeoutMs: 2500,
      },
    );
    assert.deepEqual(parseConfig({ LLM_API_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "mistral" }).llm, {
      baseUrl: "http://127.0.0.1:11434/v1",
      model: "mistral",
      apiKey: undefined,
      timeoutMs: 4000,
    });
  });

  it("refuses bad settings with a French message naming the variable", () => {
    const fails = (env: Record<string, string>, message: RegExp) =>
      assert.throws(
        () => parseConfig(env),
        (e: unknown) => e instanceof ConfigError && message.test(e.message),
      );
    fails(
      { LLM_API_URL: "https://albert.api.etalab.gouv.fr/v1" },
      /^LLM_MODEL est obligatoire quand LLM_API_URL/,
    );
    fails(
      { LLM_API_URL: "ftp://llm.local/v1", LLM_MODEL: "m" },
      /^LLM_API_URL doit commencer par http: ou https:/,
    );
    fails({ LLM_API_URL: "pas une adresse", LLM_MODEL: "m" }, /^LLM_API_URL n'est pas une adresse valide/);
    fails(
      { LLM_API_URL: "https://u:p@llm.local/v1", LLM_MODEL: "m" },
      /^LLM_API_URL doit être l'adresse de base/,
    );
    fails({ LLM_API_URL: "https://llm.local/v1?key=x", LLM_MODEL: "m" }, /sans identifiants ni paramètres/);
    fails(
      { LLM_API_URL: "https://llm.local/v1", LLM_MODEL: "m", LLM_TIMEOUT_MS: "10" },
      /^LLM_TIMEOUT_MS doit être un entier/,
    );
  });
});
