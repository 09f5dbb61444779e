/** Back-office addresses of the feedback screens (testimonials, actions, suggestions). */
export const MODERATION_PATH = "/admin/temoignages";
export const ACTIONS_PATH = "/admin/actions-amelioration";
export const NEW_ACTION_PATH = `${ACTIONS_PATH}/nouvelle`;
export const SUGGESTIONS_PATH = "/admin/suggestions";

export const testimonialPath = (id: string): string => `${MODERATION_PATH}/${id}`;
export const actionPath = (id: string): string => `${ACTIONS_PATH}/${id}`;

const shortDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "short",
});
export const formatShort = (date: Date): string => shortDate.format(date);
