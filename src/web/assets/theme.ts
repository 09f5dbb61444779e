import type { Config } from "../../config.ts";

/** CSS custom properties from the town's configured colours. */
export function themeCss(theme: Config["theme"]): string {
  return `:root{--primary:${theme.primaryColor};--accent:${theme.accentColor};--focus:${theme.accentColor};}\n`;
}
