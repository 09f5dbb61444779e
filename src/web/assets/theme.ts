import type { Config } from "../../config.ts";

/** CSS custom properties from the town's configured colours. */
export function themeCss(theme: Config["theme"]): string {
  if (theme.name === "etat") {
    // Bleu France and the Marianne font shipped by the state's design system.
    return ":root{--primary:#000091;--accent:#c9191e;--focus:#0a76f6;}body{font-family:Marianne,arial,sans-serif;}\n";
  }
  return `:root{--primary:${theme.primaryColor};--accent:${theme.accentColor};--focus:${theme.accentColor};}\n`;
}
