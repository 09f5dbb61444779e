/**
 * API keys of the organisation, for administrators: list, create (the secret is shown once, in the
 * response to the creation, never stored nor shown again), revoke after a confirmation page.
 * The same use cases as `npm run apikey:create`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  createApiKey,
  getApiKey,
  listApiKeys,
  revokeApiKey,
} from "../../../domains/identity/api-keys/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { API_KEY_NAME_FIELD_ID } from "../../../web/backoffice/admin/api-keys-page.tsx";
import { ADMIN_API_KEYS_PATH } from "../../../web/backoffice/admin/labels.ts";
import { apiKeyCreatedView, apiKeyRevokeView, apiKeysView } from "../../../web/backoffice/admin/views.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import {
  type FormRefusal,
  formError,
  formField,
  requireAdmin,
  routeParam,
  sendAdminPage,
} from "./backoffice-admin-access.ts";

export function registerApiKeyRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = ADMIN_API_KEYS_PATH.replace("/admin", "");

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: FormRefusal & { name?: string } = {},
  ) => {
    const keys = await listApiKeys(deps.db, { organisationId });
    return sendAdminPage(deps, request, reply, {
      admin,
      refusal: extra,
      view: (common) =>
        apiKeysView({ ...common, keys, ...(extra.name !== undefined ? { name: extra.name } : {}) }),
    });
  };

  scope.get(route, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderList(request, reply, admin);
  });

  scope.post(route, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const name = formField(request.body, "name").slice(0, 200);
    try {
      const created = await createApiKey(deps.db, {
        organisationId,
        name,
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ apiKeyId: created.id, adminId: admin.id }, "api key created");
      const site = await backofficeSite(deps, request, reply, admin);
      // Rendered, not redirected: the secret must not wait in a session or reach a second page.
      return sendPage(
        reply,
        apiKeyCreatedView({
          site,
          name: created.name,
          secret: created.key,
          apiUrl: `${deps.config.publicUrl}/api/v1/cases`,
        }),
        201,
      );
    } catch (error) {
      const refusal = formError(error, () => API_KEY_NAME_FIELD_ID);
      if (!refusal) throw error;
      return renderList(request, reply, admin, { name, ...refusal });
    }
  });

  scope.get(`${route}/:id/revocation`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const apiKey = await getApiKey(deps.db, { organisationId, apiKeyId: routeParam(request, "id") });
    if (apiKey.revokedAt) {
      request.session.flash = `La clé « ${apiKey.name} » est déjà révoquée.`;
      return reply.redirect(ADMIN_API_KEYS_PATH, 303);
    }
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(reply, apiKeyRevokeView({ site, apiKey }));
  });

  scope.post(`${route}/:id/revocation`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const result = await revokeApiKey(deps.db, {
      organisationId,
      apiKeyId: routeParam(request, "id"),
      actorId: admin.id,
      clock: deps.clock,
    });
    request.log.info({ apiKeyId: result.id, adminId: admin.id, revoked: result.revoked }, "api key revoked");
    request.session.flash = result.revoked
      ? `Clé « ${result.name} » révoquée : elle ne permet plus de déposer de demandes.`
      : `La clé « ${result.name} » était déjà révoquée.`;
    return reply.redirect(ADMIN_API_KEYS_PATH, 303);
  });
}
