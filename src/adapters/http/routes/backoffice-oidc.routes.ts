/**
 * Agents' sign-in with an OpenID Connect provider (ProConnect or the town's own), inside the back
 * office scope (sessions, cookies). The flow's secrets wait in the session between the two routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { OidcConfig } from "../../../config.ts";
import { signInWithOidc } from "../../../domains/identity/index.ts";
import { AppError, httpStatusOf, isAppError } from "../../../shared/app-error.ts";
import { loginView } from "../../../web/backoffice/views.tsx";
import { OidcFailure, type OidcFlow, type OidcRelyingParty } from "../../oidc/oidc-relying-party.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { currentAgent } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";

declare module "fastify" {
  interface Session {
    /** An OpenID Connect sign-in under way: state, nonce and PKCE verifier. */
    oidcFlow?: OidcFlow;
    /** ID token of an OpenID Connect sign-in, sent back as id_token_hint on logout. */
    oidcIdToken?: string;
  }
}

export const OIDC_START_PATH = "/admin/connexion/oidc";
/** Time allowed at the provider before the flow is forgotten. */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;

export const OIDC_MESSAGES = {
  expired:
    "Votre demande de connexion a expiré ou a déjà été utilisée. Cliquez à nouveau sur le bouton de connexion.",
  cancelled: "Connexion annulée : le fournisseur d'identité n'a pas autorisé l'accès à Guichet.",
  refused:
    "Le fournisseur d'identité a refusé la connexion. Réessayez, ou connectez-vous avec votre mot de passe.",
  invalid:
    "La réponse du fournisseur d'identité n'a pas pu être vérifiée. Recommencez la connexion depuis cette page.",
  unreachable:
    "Le fournisseur d'identité ne répond pas. Réessayez dans un instant, ou connectez-vous avec votre mot de passe.",
} as const;

/** The login page's OpenID Connect button, when configured. */
export function oidcLoginOption(deps: AppDeps): { label: string } | undefined {
  return deps.config.oidc ? { label: deps.config.oidc.label } : undefined;
}

function refusalOf(failure: OidcFailure): AppError {
  const message = `oidc ${failure.kind}: ${failure.code}`;
  switch (failure.kind) {
    case "provider_refused":
      return new AppError("UNAUTHENTICATED", {
        message,
        userMessage: failure.code === "access_denied" ? OIDC_MESSAGES.cancelled : OIDC_MESSAGES.refused,
      });
    case "invalid_response":
      return new AppError("BAD_REQUEST", { message, userMessage: OIDC_MESSAGES.invalid });
    case "unreachable":
      return new AppError("UNAVAILABLE", { message, userMessage: OIDC_MESSAGES.unreachable });
  }
}

/** The URL the provider sent the browser to, rebuilt on PUBLIC_URL (what the provider knows). */
function callbackUrl(config: OidcConfig, request: FastifyRequest): URL {
  const url = new URL(config.redirectUri);
  url.search = new URL(request.url, "http://guichet.invalid").search;
  return url;
}

export function registerBackofficeOidcRoutes(
  scope: FastifyInstance,
  deps: AppDeps,
  relyingParty: OidcRelyingParty | undefined,
): void {
  const config = deps.config.oidc;
  if (!config || !relyingParty) return;

  const refuse = async (request: FastifyRequest, reply: FastifyReply, error: AppError) => {
    request.log.info({ code: error.code, reason: error.message }, "oidc sign-in refused");
    const site = await backofficeSite(deps, request, reply, null);
    return sendPage(
      reply,
      loginView({ site, oidc: oidcLoginOption(deps), oidcError: error.userMessage }),
      httpStatusOf(error.code),
    );
  };

  scope.get("/connexion/oidc", async (request, reply) => {
    if (await currentAgent(deps, request)) return reply.redirect("/admin", 303);
    try {
      const { url, flow } = await relyingParty.start(deps.clock.now());
      request.session.oidcFlow = flow;
      return reply.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof OidcFailure)) throw error;
      return refuse(request, reply, refusalOf(error));
    }
  });

  scope.get("/connexion/oidc/retour", async (request, reply) => {
    const flow = request.session.oidcFlow;
    // One use only: a replayed or second callback finds nothing to continue.
    request.session.oidcFlow = undefined;
    const now = deps.clock.now().getTime();
    if (!flow || now - flow.startedAt > OIDC_FLOW_TTL_MS || now < flow.startedAt) {
      return refuse(
        request,
        reply,
        new AppError("BAD_REQUEST", {
          message: "oidc flow missing or expired",
          userMessage: OIDC_MESSAGES.expired,
        }),
      );
    }
    try {
      const { identity, idToken } = await relyingParty.finish({
        callbackUrl: callbackUrl(config, request),
        flow,
      });
      const { agent, outcome } = await signInWithOidc(deps.db, {
        organisationId: deps.organisation.id,
        identity,
        autoCreate: config.autoCreate,
        clock: deps.clock,
      });
      // A new session id on login, so an id planted before it is worthless.
      await request.session.regenerate();
      request.session.agentId = agent.id;
      request.session.oidcIdToken = idToken;
      request.log.info({ agentId: agent.id, outcome }, "agent signed in with oidc");
      return reply.redirect("/admin", 303);
    } catch (error) {
      if (error instanceof OidcFailure) return refuse(request, reply, refusalOf(error));
      if (isAppError(error) && error.code === "FORBIDDEN") return refuse(request, reply, error);
      throw error;
    }
  });
}
