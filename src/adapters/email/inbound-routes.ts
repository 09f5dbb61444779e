/**
 * Which organisation an incoming recipient belongs to, when one SMTP receiver serves several
 * (SMTP_IN_ROUTES). An exact address wins over its domain; without routes, every recipient goes to
 * the configured organisation; with routes, an unknown recipient has no organisation (refused at RCPT).
 */
import { ConfigError, type InboundRouteConfig } from "../../config.ts";
import { findOrganisationsBySlug } from "../../domains/identity/index.ts";
import type { Db } from "../../shared/database.ts";

export type RecipientRouter = {
  /** The organisation id for this recipient address, or null. */
  organisationFor(recipient: string): string | null;
  /** Every organisation the receiver may file mail into. */
  organisationIds: string[];
};

export function recipientRouter(
  routes: readonly { address?: string; domain?: string; organisationId: string }[] | undefined,
  defaultOrganisationId: string,
): RecipientRouter {
  if (!routes)
    return { organisationFor: () => defaultOrganisationId, organisationIds: [defaultOrganisationId] };
  const byAddress = new Map<string, string>();
  const byDomain = new Map<string, string>();
  for (const route of routes) {
    if (route.address) byAddress.set(route.address.toLowerCase(), route.organisationId);
    if (route.domain) byDomain.set(route.domain.toLowerCase(), route.organisationId);
  }
  return {
    organisationFor(recipient) {
      const address = recipient.trim().toLowerCase();
      const domain = address.slice(address.lastIndexOf("@") + 1);
      return byAddress.get(address) ?? (address.includes("@") ? byDomain.get(domain) : undefined) ?? null;
    },
    organisationIds: [...new Set(routes.map((route) => route.organisationId))],
  };
}

/** Turns the configured slugs into organisation ids; a slug without organisation stops the start. */
export async function resolveInboundRoutes(
  db: Db,
  routes: readonly InboundRouteConfig[] | undefined,
  defaultOrganisationId: string,
): Promise<RecipientRouter> {
  if (!routes) return recipientRouter(undefined, defaultOrganisationId);
  const found = await findOrganisationsBySlug(
    db,
    routes.map((route) => route.organisationSlug),
  );
  const idOf = new Map(found.map((organisation) => [organisation.slug, organisation.id]));
  const missing = [...new Set(routes.map((route) => route.organisationSlug))].filter(
    (slug) => !idOf.has(slug),
  );
  if (missing.length > 0)
    throw new ConfigError(
      `SMTP_IN_ROUTES : aucune organisation « ${missing.join(" », « ")} » dans la base. Vérifiez l'identifiant (ORG_SLUG de l'organisation).`,
    );
  return recipientRouter(
    routes.map((route) => ({ ...route, organisationId: idOf.get(route.organisationSlug) as string })),
    defaultOrganisationId,
  );
}
