import { randomUUID } from "node:crypto";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { AppDeps } from "./deps.ts";
import { installErrorHandlers } from "./error-handler.ts";
import { registerAssetRoutes } from "./routes/assets.routes.ts";
import { registerAssistantApiRoutes } from "./routes/assistant-api.routes.ts";
import { registerAssistantPageRoutes } from "./routes/assistant-page.routes.ts";
import { registerAssistantVoiceRoutes } from "./routes/assistant-voice.routes.ts";
import { registerBackofficeRoutes } from "./routes/backoffice.routes.ts";
import { registerApiDocs, registerCasesApiRoutes } from "./routes/cases-api.routes.ts";
import { registerContactRoutes } from "./routes/contact.routes.ts";
import { registerFeedbackRoutes } from "./routes/feedback.routes.ts";
import { registerHealthRoutes } from "./routes/health.routes.ts";
import { registerPublicRoutes } from "./routes/public.routes.ts";
import { registerResultsRoutes } from "./routes/results.routes.ts";
import { registerSearchRoutes } from "./routes/search.routes.ts";
import { registerTestimonialRoutes } from "./routes/testimonials.routes.ts";
import { registerTrackingRoutes } from "./routes/tracking.routes.ts";
import { registerVoiceTwilioRoutes } from "./routes/voice-twilio.routes.ts";
import { registerVoiceTwilioStreamRoutes } from "./routes/voice-twilio-stream.routes.ts";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1_048_576,
    trustProxy:
      typeof deps.config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (deps.config.trustProxy as number)
        : deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(formbody, { bodyLimit: 1_048_576 });
  // WebSockets: telephony media streams (64 kB frames at most; a 20 ms audio frame is ~300 bytes).
  await app.register(websocket, { options: { maxPayload: 65_536 } });
  installErrorHandlers(app, deps);
  await registerApiDocs(app);

  await registerHealthRoutes(app, deps);
  await registerAssetRoutes(app, deps);
  await registerPublicRoutes(app, deps);
  await registerSearchRoutes(app, deps);
  await registerBackofficeRoutes(app, deps);
  await registerContactRoutes(app, deps);
  await registerFeedbackRoutes(app, deps);
  await registerTrackingRoutes(app, deps);
  await registerCasesApiRoutes(app, deps);
  await registerAssistantApiRoutes(app, deps);
  await registerAssistantPageRoutes(app, deps);
  await registerAssistantVoiceRoutes(app, deps);
  await registerTestimonialRoutes(app, deps);
  await registerResultsRoutes(app, deps);
  await registerVoiceTwilioRoutes(app, deps);
  await registerVoiceTwilioStreamRoutes(app, deps);
  return app;
}
