import type { ThemeName } from "../config.ts";

/** What every page needs to know about the site it belongs to. */
export type SiteContext = {
  organisation: { id: string; slug: string; name: string };
  theme: { name: ThemeName };
  publicUrl: string;
  /** Cache-busting version of the CSS assets. */
  assetVersion: string;
  /** Set on back-office pages when an agent is signed in. */
  agent?: { id: string; displayName: string; roles: string[] } | undefined;
  /** CSRF token for forms that change state (back office). */
  csrfToken?: string | undefined;
};
