export { ensureOrganisation } from "./ensure-organisation.ts";
export type { Organisation } from "./organisation.ts";
