/**
 * A real HTTP server on 127.0.0.1 with real fiches and the demo content, for browser tests.
 */
import type { AddressInfo } from "node:net";
import { seedDemo } from "../../src/demo/seed-demo.ts";
import { insertPackageFiches } from "../factories/a-fiche.ts";
import { createTestApp, type TestApp } from "../helpers/test-app.ts";

/** Fiches the browser tests visit: ID card (situations), folders, and fiches with tables. */
export const E2E_FICHES = ["N19810", "N358", "F21089", "F1342", "F1341", "F1367", "F1427", "F1438", "R1406"];

export type SiteServer = TestApp & { baseUrl: string };

export async function startSiteServer(
  extraFiches: string[] = [],
  options: { env?: Record<string, string> } = {},
): Promise<SiteServer> {
  const t = await createTestApp(options.env ? { env: options.env } : {});
  await insertPackageFiches(t.database.db, t.deps.organisation.id, [...E2E_FICHES, ...extraFiches]);
  await seedDemo({
    db: t.database.db,
    organisationId: t.deps.organisation.id,
    clock: t.deps.clock,
    logger: t.deps.logger,
  });
  const warmable = t.deps.search as { warm?: (id: string) => Promise<void> };
  await warmable.warm?.(t.deps.organisation.id);
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}
