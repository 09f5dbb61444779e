/** Page builder for the /assistant routes (plain .ts callers). */
import type { VNode } from "preact";
import { AssistantPage, type AssistantPageProps } from "./assistant-page.tsx";

export { HANDOFF_MESSAGE } from "./assistant-page.tsx";

export const assistantView = (props: AssistantPageProps): VNode => <AssistantPage {...props} />;
