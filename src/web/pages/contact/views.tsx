/** Page builders for the contact routes (plain .ts callers). */
import type { VNode } from "preact";
import { ContactPage, type ContactPageProps } from "./contact-page.tsx";
import { ContactSentPage, type ContactSentProps } from "./contact-sent-page.tsx";

export { type ContactTopic, type ContactValues, EMPTY_CONTACT } from "./contact-page.tsx";

export const contactView = (props: ContactPageProps): VNode => <ContactPage {...props} />;
export const contactSentView = (props: ContactSentProps): VNode => <ContactSentPage {...props} />;
