/** Page builders for the back-office feedback routes (plain .ts callers). */
import type { ComponentProps, VNode } from "preact";
import { ActionPage, type ActionPageProps, ActionsListPage } from "./actions-pages.tsx";
import { ModerationQueuePage } from "./moderation-queue-page.tsx";
import { SuggestionsPage } from "./suggestions-page.tsx";
import { TestimonialPage, type TestimonialPageProps } from "./testimonial-page.tsx";

export type { ActionFormValues } from "./actions-pages.tsx";
export type { TestimonialPageValues } from "./testimonial-page.tsx";

export const moderationQueueView = (props: ComponentProps<typeof ModerationQueuePage>): VNode => (
  <ModerationQueuePage {...props} />
);
export const testimonialView = (props: TestimonialPageProps): VNode => <TestimonialPage {...props} />;
export const actionsListView = (props: ComponentProps<typeof ActionsListPage>): VNode => (
  <ActionsListPage {...props} />
);
export const actionView = (props: ActionPageProps): VNode => <ActionPage {...props} />;
export const suggestionsView = (props: ComponentProps<typeof SuggestionsPage>): VNode => (
  <SuggestionsPage {...props} />
);
