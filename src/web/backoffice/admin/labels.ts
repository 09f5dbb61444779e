import type { AgentRole } from "../../../domains/identity/index.ts";

export const ADMIN_AGENTS_PATH = "/admin/agents";
export const ADMIN_TEAMS_PATH = "/admin/equipes";
export const ADMIN_API_KEYS_PATH = "/admin/cles-api";

export const agentPath = (id: string): string => `${ADMIN_AGENTS_PATH}/${id}`;
export const agentOidcUnlinkPath = (id: string): string => `${agentPath(id)}/dissociation-oidc`;
export const teamPath = (id: string): string => `${ADMIN_TEAMS_PATH}/${id}`;
export const apiKeyRevokePath = (id: string): string => `${ADMIN_API_KEYS_PATH}/${id}/revocation`;

export const ROLE_LABELS: Record<AgentRole, { label: string; hint: string }> = {
  admin: { label: "Administrateur", hint: "gère les comptes, les équipes et tout le reste" },
  agent: { label: "Agent d'accueil", hint: "traite les demandes des usagers" },
  editor: { label: "Rédacteur", hint: "rédige les contenus locaux du site public" },
};

export const ADMIN_ROLE_REQUIRED_MESSAGE =
  "La gestion des comptes, des équipes et des clés d'API est réservée aux administrateurs.";
