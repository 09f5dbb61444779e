/**
 * Administration in the back office: accounts of the organisation's agents (create, roles, disable,
 * unlink the OpenID Connect identity), teams (create, rename, members) and API keys
 * (backoffice-admin-api-keys.routes.ts). Administrators only. Registered inside the back-office scope,
 * so it shares its session, CSRF check and French error pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  addTeamMember,
  createTeam,
  listTeams,
  removeTeamMember,
  renameTeam,
} from "../../../domains/cases/index.ts";
import {
  type Agent,
  type AgentRole,
  changeAgentRoles,
  createAgent,
  getManagedAgent,
  isAgentRole,
  listOrganisationAgents,
  MIN_PASSWORD_LENGTH,
  parseRoles,
  setAgentActive,
  unlinkAgentOidc,
} from "../../../domains/identity/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import { AGENT_ROLES_FIELD_ID, AGENT_STATUS_FIELD_ID } from "../../../web/backoffice/admin/agent-page.tsx";
import { NEW_AGENT_FIELD_IDS, type NewAgentForm } from "../../../web/backoffice/admin/agents-page.tsx";
import { ADMIN_AGENTS_PATH, ADMIN_TEAMS_PATH, agentPath } from "../../../web/backoffice/admin/labels.ts";
import { NEW_TEAM_FIELD_ID, teamNameFieldId } from "../../../web/backoffice/admin/teams-page.tsx";
import {
  agentOidcUnlinkView,
  agentsView,
  agentView,
  teamsView,
} from "../../../web/backoffice/admin/views.tsx";
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
import { registerApiKeyRoutes } from "./backoffice-admin-api-keys.routes.ts";

type Body = Record<string, unknown>;

/** Checkboxes sharing a name arrive as a string, an array, or not at all. */
function fieldList(body: unknown, name: string): string[] {
  const value = (body as Body | undefined)?.[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function registerBackofficeAdminRoutes(scope: FastifyInstance, deps: AppDeps): void {
  registerAgentRoutes(scope, deps);
  registerTeamRoutes(scope, deps);
  registerApiKeyRoutes(scope, deps);
}

async function teamNamesByAgent(deps: AppDeps): Promise<Map<string, string[]>> {
  const byAgent = new Map<string, string[]>();
  for (const team of await listTeams(deps.db, { organisationId: deps.organisation.id })) {
    for (const id of team.memberIds) byAgent.set(id, [...(byAgent.get(id) ?? []), team.name]);
  }
  return byAgent;
}

function registerAgentRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = ADMIN_AGENTS_PATH.replace("/admin", "");

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: FormRefusal & { form?: NewAgentForm } = {},
  ) => {
    const [agents, teamsByAgent] = await Promise.all([
      listOrganisationAgents(deps.db, { organisationId }),
      teamNamesByAgent(deps),
    ]);
    return sendAdminPage(deps, request, reply, {
      admin,
      refusal: extra,
      view: (common) =>
        agentsView({
          ...common,
          agents,
          teamsByAgent,
          minPasswordLength: MIN_PASSWORD_LENGTH,
          form: extra.form ?? {},
        }),
    });
  };

  const renderAgent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: FormRefusal & { roles?: AgentRole[] } = {},
  ) => {
    const agent = await getManagedAgent(deps.db, { organisationId, agentId: routeParam(request, "id") });
    const teams = (await teamNamesByAgent(deps)).get(agent.id) ?? [];
    return sendAdminPage(deps, request, reply, {
      admin,
      refusal: extra,
      view: (common) =>
        agentView({
          ...common,
          agent,
          teams,
          isSelf: agent.id === admin.id,
          ...(extra.roles ? { roles: extra.roles } : {}),
        }),
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
    const submitted = fieldList(request.body, "roles");
    const form: NewAgentForm = {
      email: formField(request.body, "email").slice(0, 254),
      name: formField(request.body, "name").slice(0, 200),
      roles: submitted.filter(isAgentRole),
    };
    try {
      const agent = await createAgent(deps.db, {
        organisationId,
        email: form.email ?? "",
        displayName: form.name ?? "",
        roles: parseRoles(submitted),
        password: formField(request.body, "password"),
        clock: deps.clock,
        actorId: admin.id,
      });
      request.log.info({ agentId: agent.id, adminId: admin.id }, "agent account created");
      request.session.flash = `Compte de ${agent.displayName} créé. Il peut se connecter avec le mot de passe initial.`;
      return reply.redirect(ADMIN_AGENTS_PATH, 303);
    } catch (error) {
      const refusal = formError(error, (name) => {
        if (name === "displayName") return NEW_AGENT_FIELD_IDS.displayName;
        if (name === "roles") return NEW_AGENT_FIELD_IDS.roles;
        if (name === "password") return NEW_AGENT_FIELD_IDS.password;
        return NEW_AGENT_FIELD_IDS.email;
      });
      if (!refusal) throw error;
      return renderList(request, reply, admin, { form, ...refusal });
    }
  });

  scope.get(`${route}/:id`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderAgent(request, reply, admin);
  });

  scope.post(`${route}/:id/roles`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const roles = fieldList(request.body, "roles");
    try {
      const agent = await changeAgentRoles(deps.db, {
        organisationId,
        agentId: routeParam(request, "id"),
        roles,
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ agentId: agent.id, adminId: admin.id }, "agent roles changed");
      request.session.flash = "Rôles enregistrés.";
      return reply.redirect(agentPath(agent.id), 303);
    } catch (error) {
      const refusal = formError(error, () => AGENT_ROLES_FIELD_ID);
      if (!refusal) throw error;
      return renderAgent(request, reply, admin, { roles: roles.filter(isAgentRole), ...refusal });
    }
  });

  scope.get(`${route}/:id/dissociation-oidc`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const agent = await getManagedAgent(deps.db, { organisationId, agentId: routeParam(request, "id") });
    if (agent.oidcIssuer === null) {
      request.session.flash = "Ce compte n'est associé à aucune identité chez le fournisseur.";
      return reply.redirect(agentPath(agent.id), 303);
    }
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(reply, agentOidcUnlinkView({ site, agent }));
  });

  scope.post(`${route}/:id/dissociation-oidc`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const { agent, unlinked } = await unlinkAgentOidc(deps.db, {
      organisationId,
      agentId: routeParam(request, "id"),
      actorId: admin.id,
      clock: deps.clock,
    });
    request.log.info({ agentId: agent.id, adminId: admin.id, unlinked }, "agent oidc identity unlinked");
    request.session.flash = unlinked
      ? "Identité dissociée : la prochaine connexion par le fournisseur l'associera de nouveau par l'adresse électronique."
      : "Ce compte n'est associé à aucune identité chez le fournisseur.";
    return reply.redirect(agentPath(agent.id), 303);
  });

  scope.post(`${route}/:id/statut`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const action = formField(request.body, "action");
    if (action !== "desactiver" && action !== "reactiver") {
      throw new AppError("BAD_REQUEST", { message: "unknown status action" });
    }
    try {
      const agent = await setAgentActive(deps.db, {
        organisationId,
        agentId: routeParam(request, "id"),
        active: action === "reactiver",
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info(
        { agentId: agent.id, adminId: admin.id, active: agent.active },
        "agent status changed",
      );
      request.session.flash = agent.active
        ? "Compte réactivé : l'agent peut de nouveau se connecter."
        : "Compte désactivé : l'agent ne peut plus se connecter.";
      return reply.redirect(agentPath(agent.id), 303);
    } catch (error) {
      const refusal = formError(error, () => AGENT_STATUS_FIELD_ID);
      if (!refusal) throw error;
      return renderAgent(request, reply, admin, refusal);
    }
  });
}

function registerTeamRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;
  const route = ADMIN_TEAMS_PATH.replace("/admin", "");

  const renderTeams = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: FormRefusal & { newTeamName?: string } = {},
  ) => {
    const [teams, agents] = await Promise.all([
      listTeams(deps.db, { organisationId }),
      listOrganisationAgents(deps.db, { organisationId }),
    ]);
    const byId = new Map(agents.map((agent) => [agent.id, agent]));
    return sendAdminPage(deps, request, reply, {
      admin,
      refusal: extra,
      view: (common) =>
        teamsView({
          ...common,
          teams: teams.map((team) => ({
            id: team.id,
            name: team.name,
            members: team.memberIds
              .flatMap((id) => byId.get(id) ?? [])
              .sort((a, b) => a.displayName.localeCompare(b.displayName, "fr")),
          })),
          agents: agents.filter((agent) => agent.active),
          ...(extra.newTeamName !== undefined ? { newTeamName: extra.newTeamName } : {}),
        }),
    });
  };

  const teamName = async (teamId: string) =>
    (await listTeams(deps.db, { organisationId })).find((team) => team.id === teamId)?.name ?? "";

  scope.get(route, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderTeams(request, reply, admin);
  });

  scope.post(route, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const name = formField(request.body, "name").slice(0, 200);
    try {
      const team = await createTeam(deps.db, { organisationId, name, actorId: admin.id, clock: deps.clock });
      request.log.info({ teamId: team.id, adminId: admin.id }, "team created");
      request.session.flash = `Équipe « ${team.name} » créée.`;
      return reply.redirect(ADMIN_TEAMS_PATH, 303);
    } catch (error) {
      const refusal = formError(error, () => NEW_TEAM_FIELD_ID);
      if (!refusal) throw error;
      return renderTeams(request, reply, admin, { newTeamName: name, ...refusal });
    }
  });

  scope.post(`${route}/:id/nom`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const teamId = routeParam(request, "id");
    try {
      const team = await renameTeam(deps.db, {
        organisationId,
        teamId,
        name: formField(request.body, "name").slice(0, 200),
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ teamId: team.id, adminId: admin.id }, "team renamed");
      request.session.flash = `Équipe renommée « ${team.name} ».`;
      return reply.redirect(ADMIN_TEAMS_PATH, 303);
    } catch (error) {
      // An unknown team is a 404 page, not a form error.
      const refusal = formError(error, () => teamNameFieldId(teamId));
      if (!refusal) throw error;
      return renderTeams(request, reply, admin, refusal);
    }
  });

  scope.post(`${route}/:id/membres`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const teamId = routeParam(request, "id");
    await addTeamMember(deps.db, {
      organisationId,
      teamId,
      agentId: formField(request.body, "agentId"),
      actorId: admin.id,
    });
    request.log.info({ teamId, adminId: admin.id }, "team member added");
    request.session.flash = `Membre ajouté à l'équipe « ${await teamName(teamId)} ».`;
    return reply.redirect(ADMIN_TEAMS_PATH, 303);
  });

  scope.post(`${route}/:id/membres/:agentId/retrait`, async (request, reply) => {
    const admin = await requireAdmin(deps, request, reply);
    if (!admin) return reply;
    const teamId = routeParam(request, "id");
    const { removed } = await removeTeamMember(deps.db, {
      organisationId,
      teamId,
      agentId: routeParam(request, "agentId"),
      actorId: admin.id,
    });
    request.log.info({ teamId, adminId: admin.id, removed }, "team member removed");
    request.session.flash = removed
      ? `Membre retiré de l'équipe « ${await teamName(teamId)} ».`
      : "Cette personne ne faisait déjà plus partie de l'équipe.";
    return reply.redirect(ADMIN_TEAMS_PATH, 303);
  });
}
