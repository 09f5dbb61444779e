/** Page builders for the feedback routes (plain .ts callers). */
import type { VNode } from "preact";
import { FeedbackEmbedPage } from "./feedback-embed-page.tsx";
import { FeedbackNoticePage } from "./feedback-notice-page.tsx";
import { FeedbackPage, type FeedbackPageProps } from "./feedback-page.tsx";
import { FeedbackQrPage } from "./feedback-qr-page.tsx";
import { FeedbackThanksPage } from "./feedback-thanks-page.tsx";

type Props<T extends (props: never) => unknown> = Parameters<T>[0];

export const feedbackView = (props: FeedbackPageProps): VNode => <FeedbackPage {...props} />;
export const feedbackThanksView = (props: Props<typeof FeedbackThanksPage>): VNode => (
  <FeedbackThanksPage {...props} />
);
export const feedbackNoticeView = (props: Props<typeof FeedbackNoticePage>): VNode => (
  <FeedbackNoticePage {...props} />
);
export const feedbackQrView = (props: Props<typeof FeedbackQrPage>): VNode => <FeedbackQrPage {...props} />;
export const feedbackEmbedView = (props: Props<typeof FeedbackEmbedPage>): VNode => (
  <FeedbackEmbedPage {...props} />
);
