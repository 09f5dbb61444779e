/**
 * A browser stand-in for back-office tests: keeps cookies across app.inject() calls and reads
 * the CSRF token from the last page, as a browser would submit it from a hidden field.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

export type BackofficeClient = {
  cookies: Map<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a form; `_csrf` defaults to the token of the last page fetched (pass null to omit it). */
  post(
    url: string,
    form: Record<string, string>,
    options?: { csrf?: string | null },
  ): Promise<LightMyRequestResponse>;
  /** GET /admin/connexion then POST the credentials. */
  signIn(email: string, password: string): Promise<LightMyRequestResponse>;
  lastCsrf(): string | undefined;
};

export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}

export function aBackofficeClient(
  app: FastifyInstance,
  options: { address?: string } = {},
): BackofficeClient {
  const cookies = new Map<string, string>();
  let lastToken: string | undefined;
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      const expired = cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
      if (cookie.value === "" || expired) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    const token = csrfTokenIn(response.body);
    if (token) lastToken = token;
    return response;
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const remoteAddress = options.address ?? "127.0.0.1";

  const client: BackofficeClient = {
    cookies,
    lastCsrf: () => lastToken,
    get: async (url) =>
      remember(await app.inject({ method: "GET", url, remoteAddress, headers: { cookie: cookieHeader() } })),
    post: async (url, form, postOptions = {}) => {
      const csrf = postOptions.csrf === undefined ? lastToken : postOptions.csrf;
      const fields = csrf === null || csrf === undefined ? form : { _csrf: csrf, ...form };
      return remember(
        await app.inject({
          method: "POST",
          url,
          remoteAddress,
          headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams(fields).toString(),
        }),
      );
    },
    signIn: async (email, password) => {
      await client.get("/admin/connexion");
      return client.post("/admin/connexion", { email, password });
    },
  };
  return client;
}
