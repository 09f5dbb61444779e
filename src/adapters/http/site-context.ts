import type { SiteContext } from "../../web/site.ts";
import type { AppDeps } from "./deps.ts";

const ASSET_VERSION = Date.now().toString(36);

export function siteContext(deps: AppDeps, extra: Partial<SiteContext> = {}): SiteContext {
  return {
    organisation: deps.organisation,
    theme: { name: deps.config.theme.name },
    publicUrl: deps.config.publicUrl,
    assetVersion: ASSET_VERSION,
    ...extra,
  };
}
