/** Page builders for the public feedback routes (plain .ts callers). */
import type { ComponentProps, VNode } from "preact";
import { FeedbackSentPage } from "./sent-page.tsx";
import { SuggestionPage } from "./suggestion-page.tsx";
import { TestimonialFormPage, type TestimonialFormProps } from "./testimonial-form-page.tsx";
import { TestimonialsPage, type TestimonialsPageProps } from "./testimonials-page.tsx";
import { YouSaidPage } from "./you-said-page.tsx";

export type { SuggestionValues } from "./suggestion-page.tsx";
export { EMPTY_TESTIMONIAL, type TestimonialValues } from "./testimonial-form-page.tsx";

export const testimonialsView = (props: TestimonialsPageProps): VNode => <TestimonialsPage {...props} />;
export const testimonialFormView = (props: TestimonialFormProps): VNode => <TestimonialFormPage {...props} />;
export const feedbackSentView = (props: ComponentProps<typeof FeedbackSentPage>): VNode => (
  <FeedbackSentPage {...props} />
);
export const suggestionView = (props: ComponentProps<typeof SuggestionPage>): VNode => (
  <SuggestionPage {...props} />
);
export const youSaidView = (props: ComponentProps<typeof YouSaidPage>): VNode => <YouSaidPage {...props} />;
