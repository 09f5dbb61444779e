/**
 * Composition root: reads the configuration, opens the database, applies migrations, wires the
 * domains to their adapters and starts HTTP. Nothing else reads the environment or builds adapters.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openConfiguredDatabase } from "./adapters/db/open-configured-database.ts";
import { startEmailChannel } from "./adapters/email/start-email-channel.ts";
import { createReadiness } from "./adapters/http/readiness.ts";
import { buildServer } from "./adapters/http/server.ts";
import { registerPeriodicTasks } from "./adapters/jobs/periodic-tasks.ts";
import { createScheduler } from "./adapters/jobs/scheduler.ts";
import { createOpenAiChatClient } from "./adapters/llm/openai-chat-client.ts";
import { createSmsSender } from "./adapters/sms/create-sms-sender.ts";
import { startAudioSocketServer } from "./adapters/voice/audiosocket-server.ts";
import { createVoiceEngines } from "./adapters/voice/voice-engines.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { seedDemo } from "./demo/seed-demo.ts";
import { createAssistantContext } from "./domains/assistant/index.ts";
import { forgetCallerHashes, settleStaleCalls } from "./domains/channels/voice/index.ts";
import { ensureStandardQuestionnaires } from "./domains/feedback/index.ts";
import { ensureOrganisation } from "./domains/identity/index.ts";
import { countFiches } from "./domains/knowledge/fiches.repo.ts";
import { importServicePublic } from "./domains/knowledge/import/import-service-public.ts";
import { createSearchEngine } from "./domains/knowledge/search/create-search-engine.ts";
import { systemClock } from "./shared/clock.ts";
import { createLogger } from "./shared/logger.ts";

export async function startGuichet(config: Config) {
  const logger = createLogger({ level: config.logLevel });
  const clock = systemClock;
  const readiness = createReadiness();

  readiness.set("migrating");
  const handle = await openConfiguredDatabase(config);
  logger.info({ engine: handle.engine, applied: handle.applied }, "database opened and migrated");

  const organisation = await ensureOrganisation(handle.db, config.organisation);
  await ensureStandardQuestionnaires(handle.db, { organisationId: organisation.id, clock });
  const email = await startEmailChannel({
    config,
    db: handle.db,
    listen: handle.listen,
    organisationId: organisation.id,
    clock,
    logger,
  });
  // Periodic tasks: every process runs the scheduler, each task runs once at a time across processes.
  // More tasks: scheduler.register({ name, everyMs, run }) before start().
  const scheduler = createScheduler({ db: handle.db, engine: handle.engine, clock, logger });
  registerPeriodicTasks(scheduler, {
    db: handle.db,
    clock,
    retention: config.retention,
    publicUrl: config.publicUrl,
  });
  // Voice: calls whose end the telephony provider never reported are settled after a few hours; the
  // caller pseudonyms go with the conversations' retention.
  scheduler.register({
    name: "voice.calls",
    everyMs: 15 * 60 * 1000,
    run: async ({ now }) => ({
      ...(await settleStaleCalls(handle.db, { clock })),
      ...(await forgetCallerHashes(handle.db, {
        before: new Date(now.getTime() - config.retention.conversationsDays * 86_400_000),
      })),
    }),
  });
  scheduler.start();
  const search = createSearchEngine({ db: handle.db, clock });
  const assistant = createAssistantContext({
    db: handle.db,
    clock,
    search,
    publicUrl: config.publicUrl,
    llm: config.llm
      ? {
          client: createOpenAiChatClient({
            baseUrl: config.llm.baseUrl,
            model: config.llm.model,
            apiKey: config.llm.apiKey,
          }),
          timeoutMs: config.llm.timeoutMs,
        }
      : undefined,
  });
  const voice = createVoiceEngines(config, logger);
  const app = await buildServer({
    assistant,
    config,
    db: handle.db,
    engine: handle.engine,
    clock,
    logger,
    organisation,
    readiness,
    search,
    voice,
    sms: createSmsSender(config.sms, logger),
  });
  // Listen first: /health answers 503 "starting" while the first import runs.
  await app.listen({ host: config.host, port: config.port });
  // Asterisk's AudioSocket carries no dialled number: its calls go to the default organisation.
  const audiosocket = config.voice.audiosocket
    ? await startAudioSocketServer({
        ...config.voice.audiosocket,
        context: { assistant, organisationName: organisation.name, transferTarget: null },
        organisationId: organisation.id,
        tts: voice.tts,
        stt: voice.stt,
        logger,
      })
    : null;

  const prepare = async () => {
    if (config.importOnStart && (await countFiches(handle.db, organisation.id)) === 0) {
      readiness.set("importing");
      logger.info("knowledge base empty: importing service-public.fr fiches");
      const report = await importServicePublic({
        db: handle.db,
        organisationId: organisation.id,
        source: { kind: "package" },
        clock,
      });
      logger.info(
        { added: report.added, rejected: report.rejected.length, durationMs: report.durationMs },
        "first import done",
      );
    }
    if (config.seedDemo) await seedDemo({ db: handle.db, organisationId: organisation.id, clock, logger });
    readiness.set("indexing");
    await search.warm(organisation.id);
    readiness.set("ready");
    logger.info({ url: config.publicUrl }, "Guichet is ready");
  };
  const ready = prepare().catch((error: unknown) => {
    readiness.set("failed");
    logger.error({ err: error }, "start-up preparation failed");
  });

  const stop = async () => {
    await audiosocket?.close();
    await app.close();
    await scheduler.stop();
    await email.stop();
    await handle.close();
  };
  return { app, stop, ready, organisation, db: handle.db, scheduler };
}

const isEntryPoint = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration invalide : ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  // Some settings are checked against the database at start (SMTP_IN_ROUTES names organisations).
  const running = await startGuichet(config).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration invalide : ${error.message}`);
    process.exit(2);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
