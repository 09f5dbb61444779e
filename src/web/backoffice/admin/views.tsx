/** The administration pages as plain functions returning a tree, for the route file written without JSX. */
import type { VNode } from "preact";
import { AgentOidcUnlinkPage, AgentPage } from "./agent-page.tsx";
import { AgentsPage } from "./agents-page.tsx";
import { ApiKeyCreatedPage, ApiKeyRevokePage, ApiKeysPage } from "./api-keys-page.tsx";
import { TeamsPage } from "./teams-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const agentsView = (props: PropsOf<typeof AgentsPage>): VNode => <AgentsPage {...props} />;
export const agentView = (props: PropsOf<typeof AgentPage>): VNode => <AgentPage {...props} />;
export const agentOidcUnlinkView = (props: PropsOf<typeof AgentOidcUnlinkPage>): VNode => (
  <AgentOidcUnlinkPage {...props} />
);
export const teamsView = (props: PropsOf<typeof TeamsPage>): VNode => <TeamsPage {...props} />;
export const apiKeysView = (props: PropsOf<typeof ApiKeysPage>): VNode => <ApiKeysPage {...props} />;
export const apiKeyCreatedView = (props: PropsOf<typeof ApiKeyCreatedPage>): VNode => (
  <ApiKeyCreatedPage {...props} />
);
export const apiKeyRevokeView = (props: PropsOf<typeof ApiKeyRevokePage>): VNode => (
  <ApiKeyRevokePage {...props} />
);
