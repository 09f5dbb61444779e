/**
 * Guichet as an OpenID Connect relying party (openid-client): authorization code flow with PKCE,
 * state and nonce. The caller keeps the flow (in the session) between `start` and `finish`.
 * Failures are typed (`OidcFailure`) so routes can answer in French instead of with a 500.
 */
import * as client from "openid-client";
import type { OidcConfig } from "../../config.ts";
import type { OidcIdentity } from "../../domains/identity/index.ts";
import { identityFromClaims } from "./oidc-claims.ts";

/** What must survive the round trip to the provider; small and JSON-safe for the session store. */
export type OidcFlow = { state: string; nonce: string; codeVerifier: string; startedAt: number };

export type OidcFailureKind =
  /** The provider answered with an error (e.g. access_denied when the agent cancels). */
  | "provider_refused"
  /** The answer did not check out: wrong state, bad signature, replayed code… */
  | "invalid_response"
  /** Discovery, token or userinfo endpoint unreachable or too slow. */
  | "unreachable";

export class OidcFailure extends Error {
  override name = "OidcFailure";
  constructor(
    readonly kind: OidcFailureKind,
    /** OAuth error code from the provider, or openid-client's error code: safe to log. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`oidc ${kind}: ${code}`, options);
  }
}

export type OidcRelyingParty = {
  start(now: Date): Promise<{ url: string; flow: OidcFlow }>;
  finish(options: { callbackUrl: URL; flow: OidcFlow }): Promise<{ identity: OidcIdentity; idToken: string }>;
  /** The provider's logout URL, or undefined when it has no end_session_endpoint. */
  logoutUrl(idToken: string): Promise<string | undefined>;
};

const TIMEOUT_SECONDS = 10;

function classify(error: unknown): OidcFailure {
  if (error instanceof OidcFailure) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcFailure("provider_refused", error.error, { cause: error });
  }
  const name = error instanceof Error ? error.name : "";
  if ((error instanceof TypeError && error.message === "fetch failed") || name === "TimeoutError") {
    return new OidcFailure("unreachable", name || "fetch_failed", { cause: error });
  }
  if (error instanceof client.ResponseBodyError) {
    return new OidcFailure("invalid_response", error.error, { cause: error });
  }
  const code = error instanceof client.ClientError && error.code ? error.code : "unexpected";
  return new OidcFailure("invalid_response", code, { cause: error });
}

export function createOidcRelyingParty(config: OidcConfig): OidcRelyingParty {
  // Discovered once and shared; a failed discovery is forgotten so the next sign-in retries.
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(new URL(config.issuer), config.clientId, config.clientSecret, undefined, {
        timeout: TIMEOUT_SECONDS,
        execute: config.allowHttp ? [client.allowInsecureRequests] : [],
      })
      .then((found) => {
        // Checks the signatures of ID tokens and signed (JWT) userinfo answers, as ProConnect sends.
        client.enableNonRepudiationChecks(found);
        return found;
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcFailure("unreachable", "discovery", { cause: error });
      });
    return discovered;
  };

  return {
    async start(now) {
      const found = await configuration();
      const flow: OidcFlow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        startedAt: now.getTime(),
      };
      const parameters: Record<string, string> = {
        redirect_uri: config.redirectUri,
        scope: config.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: "S256",
      };
      if (config.acrValues) parameters.acr_values = config.acrValues;
      return { url: client.buildAuthorizationUrl(found, parameters).href, flow };
    },

    async finish({ callbackUrl, flow }) {
      try {
        const found = await configuration();
        const tokens = await client.authorizationCodeGrant(found, callbackUrl, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new OidcFailure("invalid_response", "no_id_token");
        // ProConnect puts the e-mail and names in userinfo only, so it is asked whenever offered.
        const userinfo = found.serverMetadata().userinfo_endpoint
          ? await client.fetchUserInfo(found, tokens.access_token, claims.sub)
          : undefined;
        return {
          identity: identityFromClaims({ issuer: claims.iss, idToken: claims, userinfo }),
          idToken: tokens.id_token,
        };
      } catch (error) {
        throw classify(error);
      }
    },

    async logoutUrl(idToken) {
      const found = await configuration().catch(() => undefined);
      if (!found?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(found, {
        id_token_hint: idToken,
        post_logout_redirect_uri: config.postLogoutRedirectUri,
        // ProConnect requires a state on logout; nothing comes back that needs checking.
        state: client.randomState(),
      }).href;
    },
  };
}
