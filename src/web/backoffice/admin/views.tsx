/** The administration pages as plain functions returning a tree, for the route file written without JSX. */
import type { VNode } from "preact";
import { AgentPage } from "./agent-page.tsx";
import { AgentsPage } from "./agents-page.tsx";
import { TeamsPage } from "./teams-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const agentsView = (props: PropsOf<typeof AgentsPage>): VNode => <AgentsPage {...props} />;
export const agentView = (props: PropsOf<typeof AgentPage>): VNode => <AgentPage {...props} />;
export const teamsView = (props: PropsOf<typeof TeamsPage>): VNode => <TeamsPage {...props} />;
