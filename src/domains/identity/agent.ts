/** Roles of an agent: `agent` answers citizens, `editor` also edits local content, `admin` does everything. */
export type AgentRole = "admin" | "agent" | "editor";

export const AGENT_ROLES: readonly AgentRole[] = ["admin", "agent", "editor"];

export type Agent = {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: AgentRole[];
};

export function isAgentRole(value: string): value is AgentRole {
  return (AGENT_ROLES as readonly string[]).includes(value);
}

export function canEditContent(agent: Pick<Agent, "roles">): boolean {
  return agent.roles.includes("editor") || agent.roles.includes("admin");
}

/** Addresses are compared case-insensitively: "Marie@Ville.fr" and "marie@ville.fr" are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
