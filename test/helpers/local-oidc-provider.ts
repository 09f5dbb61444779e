/**
 * A real OpenID Connect provider (oidc-provider 8, the line that supports Node 20) on 127.0.0.1,
 * with one confidential client and in-memory accounts, plus a tiny "browser" that walks its
 * login and consent screens (devInteractions) by plain HTTP, following redirects by hand.
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export type LocalAccount = {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  usual_name?: string;
  name?: string;
};

export type LocalOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; add or change them at any time. */
  accounts: Map<string, LocalAccount>;
  /**
   * Walks from Guichet's redirect to the provider back to the first URL under `returnTo`, signing
   * in as `subject` (or pressing "abort" on the login screen, which answers access_denied).
   */
  authorize(url: string, options: { subject: string; abort?: boolean; returnTo: string }): Promise<string>;
  /** A GET on the provider (e.g. its logout URL), answered without following redirects. */
  get(url: string): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
};

export async function startLocalOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Sign the userinfo answer (JWT), as ProConnect does. */
  signedUserinfo?: boolean;
}): Promise<LocalOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "guichet-test";
  const clientSecret = "secret-du-client-de-test-0123456789";
  const accounts = new Map<string, LocalAccount>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        ...(options.signedUserinfo ? { userinfo_signed_response_alg: "RS256" } : {}),
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ["cle-des-cookies-du-fournisseur-de-test"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "name"],
      usual_name: ["usual_name"],
    },
    scopes: ["openid", "email", "profile", "usual_name"],
    pkce: { required: () => true, methods: ["S256"] },
    features: {
      devInteractions: { enabled: true },
      jwtUserinfo: { enabled: options.signedUserinfo === true },
      rpInitiatedLogout: { enabled: true },
    },
    findAccount: async (_ctx, subject) => {
      const account = accounts.get(subject);
      if (!account) return undefined;
      return { accountId: subject, claims: async () => ({ sub: subject, ...account }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on("request", provider.callback());

  const cookies = new Map<string, string>();
  const request = async (url: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const response = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    const location = response.headers.get("location");
    return {
      status: response.status,
      location: location ? new URL(location, url).href : undefined,
      body: await response.text(),
    };
  };

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    async authorize(start, { subject, abort, returnTo }) {
      cookies.clear();
      let url = start;
      for (let step = 0; step < 12; step++) {
        if (url.startsWith(returnTo)) return url;
        const page = await request(url);
        if (page.location) {
          url = page.location;
          continue;
        }
        const prompt = /name="prompt" value="(\w+)"/.exec(page.body)?.[1];
        if (page.status !== 200 || !prompt) {
          throw new Error(`unexpected provider page ${page.status} at ${url}: ${page.body.slice(0, 300)}`);
        }
        const answer = abort
          ? await request(`${url.replace(/\?.*$/, "")}/abort`)
          : await request(url, {
              method: "POST",
              form: prompt === "login" ? { prompt, login: subject, password: "peu-importe" } : { prompt },
            });
        if (!answer.location) throw new Error(`provider did not redirect after ${prompt} (${answer.status})`);
        url = answer.location;
      }
      throw new Error("too many redirects at the provider");
    },
    async get(url) {
      const page = await request(url);
      return { status: page.status, body: page.body };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
