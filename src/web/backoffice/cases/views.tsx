/** The desk's pages as plain functions returning a tree, for the route file written without JSX. */
import type { VNode } from "preact";
import { CasePage } from "./case-page.tsx";
import { InboxPage } from "./inbox-page.tsx";
import { MergeConfirmPage } from "./merge-confirm-page.tsx";
import { NewCasePage } from "./new-case-page.tsx";
import { RejectedEmailsPage } from "./rejected-emails-page.tsx";
import { TemplatesPage } from "./templates-page.tsx";

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

export const inboxView = (props: PropsOf<typeof InboxPage>): VNode => <InboxPage {...props} />;
export const caseView = (props: PropsOf<typeof CasePage>): VNode => <CasePage {...props} />;
export const mergeConfirmView = (props: PropsOf<typeof MergeConfirmPage>): VNode => (
  <MergeConfirmPage {...props} />
);
export const newCaseView = (props: PropsOf<typeof NewCasePage>): VNode => <NewCasePage {...props} />;
export const templatesView = (props: PropsOf<typeof TemplatesPage>): VNode => <TemplatesPage {...props} />;
export const rejectedEmailsView = (props: PropsOf<typeof RejectedEmailsPage>): VNode => (
  <RejectedEmailsPage {...props} />
);
