/**
 * API keys for external systems (POST /api/v1/cases):
 *   npm run apikey:create -- --name "Portail famille"     prints the new key, once
 *   npm run apikey:create -- --list                       names, dates, ids (never the keys)
 *   npm run apikey:create -- --revoke <id>
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../domains/identity/api-keys/index.ts";
import { systemClock } from "../shared/clock.ts";
import { runCli, withCliDatabase } from "./cli-runner.ts";

const USAGE = 'Usage : npm run apikey:create -- --name "Nom du système" | --list | --revoke <identifiant>';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: "string" }, list: { type: "boolean" }, revoke: { type: "string" } },
  });
  if (!values.name && !values.list && !values.revoke) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  return withCliDatabase(config, async ({ db, organisation }) => {
    const organisationId = organisation.id;
    if (values.list) {
      for (const key of await listApiKeys(db, { organisationId })) {
        const state = key.revokedAt ? `révoquée le ${key.revokedAt.toISOString()}` : "active";
        const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : "jamais";
        console.log(
          `${key.id}  ${key.name}  créée ${key.createdAt.toISOString()}  utilisée ${used}  ${state}`,
        );
      }
      return 0;
    }
    if (values.revoke) {
      await revokeApiKey(db, { organisationId, apiKeyId: values.revoke, clock: systemClock });
      console.log("Clé révoquée.");
      return 0;
    }
    const created = await createApiKey(db, {
      organisationId,
      name: values.name ?? "",
      clock: systemClock,
    });
    console.log(`Clé créée pour « ${values.name} » (identifiant ${created.id}).`);
    console.log("Copiez-la maintenant : elle ne sera plus jamais affichée.");
    console.log(created.key);
    return 0;
  });
}

runCli(main);
