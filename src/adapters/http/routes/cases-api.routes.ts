/**
 * The cases API for external systems (a family portal, a ticketing tool): an API key per
 * organisation, TypeBox schemas for validation, serialisation and the OpenAPI document.
 */
import { createHash } from "node:crypto";
import swagger from "@fastify/swagger";
import { type Static, Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  type CaseChannel,
  type CaseStatus,
  type IncomingAttachment,
  openCase,
} from "../../../domains/cases/index.ts";
import { type ApiCaller, authenticateApiKey } from "../../../domains/identity/api-keys/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import { apiDocsView } from "../citizen-desk/api-docs-page.tsx";
import { findCaseSummaryByReference } from "../citizen-desk/case-by-reference.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String({ description: "En français, à montrer tel quel." }),
    requestId: Type.String(),
    field: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    filename: Type.Optional(Type.String()),
  }),
});

const CreateCaseBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200, description: "Objet de la demande" }),
    message: Type.String({ minLength: 1, maxLength: 20_000, description: "Texte brut, jamais du HTML" }),
    contact: Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 200 })),
        email: Type.Optional(Type.String({ maxLength: 254 })),
        phone: Type.Optional(Type.String({ maxLength: 30 })),
      },
      { additionalProperties: false, description: "Au moins une adresse électronique ou un téléphone" },
    ),
    topicFicheId: Type.Optional(
      Type.String({ maxLength: 20, description: "Fiche service-public.fr (ex. F1342)" }),
    ),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            filename: Type.String({ minLength: 1, maxLength: 200 }),
            contentBase64: Type.String({ minLength: 1 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5, description: "PDF, PNG, JPEG ou texte ; 10 Mo chacun, type vérifié sur le contenu" },
      ),
    ),
  },
  { additionalProperties: false },
);

const CaseCreated = Type.Object({
  reference: Type.String({ examples: ["GU-2026-000123"] }),
  created: Type.Boolean({ description: "false quand la clé d'idempotence désigne une demande existante" }),
  trackingUrl: Type.Optional(
    Type.String({ description: "Lien de suivi personnel de l'usager, donné une seule fois, à la création" }),
  ),
});

const CaseSummary = Type.Object({
  reference: Type.String(),
  status: Type.Unsafe<CaseStatus>({ type: "string", enum: [...CASE_STATUSES] }),
  statusLabel: Type.String(),
  channel: Type.Unsafe<CaseChannel>({ type: "string", enum: [...CASE_CHANNELS] }),
  subject: Type.String(),
  openedAt: Type.String({ format: "date-time" }),
  updatedAt: Type.String({ format: "date-time" }),
  resolvedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  mergedIntoReference: Type.Union([Type.String(), Type.Null()]),
});

const IdempotencyHeaders = Type.Object({
  "idempotency-key": Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: "Un second envoi avec la même clé ne crée rien",
    }),
  ),
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// Five attachments of 10 MB in base64 would be 67 MB; the API takes 20 MB of documents per request.
const API_BODY_LIMIT = 28 * 1024 * 1024;

const ENDPOINTS = [
  { method: "POST", url: "/api/v1/cases", summary: "ouvrir une demande au nom d'un usager" },
  { method: "GET", url: "/api/v1/cases/{reference}", summary: "lire l'état d'une demande de la commune" },
  { method: "GET", url: "/api/v1/search", summary: "rechercher dans les fiches et contenus publiés" },
];

declare module "fastify" {
  interface FastifyRequest {
    apiCaller?: ApiCaller;
  }
}

/**
 * OpenAPI at /api/docs. Must run before the API routes are registered (it collects them as they
 * are added); only /api/v1 routes are published.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: "Guichet — API", version: "1", description: "API publique et API des demandes" },
      components: {
        securitySchemes: { cleApi: { type: "http", scheme: "bearer", description: "Clé d'API « gk_… »" } },
      },
    },
    transform: ({ schema, url }) => ({
      schema: { ...(schema ?? {}), hide: !url.startsWith("/api/v1/") || Boolean(schema?.hide) },
      url,
    }),
  });
}

function decodeAttachments(list: Static<typeof CreateCaseBody>["attachments"]): IncomingAttachment[] {
  return (list ?? []).map((a) => {
    if (!BASE64.test(a.contentBase64))
      throw new AppError("BAD_REQUEST", {
        message: "attachment not base64",
        userMessage: `Le contenu du fichier « ${a.filename} » n'est pas en base64.`,
        details: { field: "attachments", reason: "encoding", filename: a.filename },
      });
    return { filename: a.filename, content: Buffer.from(a.contentBase64, "base64") };
  });
}

function callerOf(request: FastifyRequest): ApiCaller {
  if (!request.apiCaller) throw new AppError("UNAUTHENTICATED", { message: "no api caller" });
  return request.apiCaller;
}

export async function registerCasesApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get("/api/docs", { schema: { hide: true } }, async (_request, reply) =>
    sendPage(reply, apiDocsView({ site: siteContext(deps), endpoints: ENDPOINTS })),
  );
  app.get(
    "/api/docs/openapi.json",
    { schema: { hide: true } },
    async () => (app as FastifyInstance & { swagger?: () => unknown }).swagger?.() ?? {},
  );

  await app.register(async (scope) => {
    scope.addHook("onRequest", async (request, reply) => {
      try {
        request.apiCaller = await authenticateApiKey(deps.db, {
          authorization: request.headers.authorization,
          clock: deps.clock,
        });
      } catch (error) {
        reply.header("www-authenticate", 'Bearer realm="guichet"');
        throw error;
      }
    });
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    const security = [{ cleApi: [] }];

    typed.post(
      "/api/v1/cases",
      {
        bodyLimit: API_BODY_LIMIT,
        schema: {
          summary: "Ouvrir une demande",
          tags: ["demandes"],
          security,
          headers: IdempotencyHeaders,
          body: CreateCaseBody,
          response: { 200: CaseCreated, 201: CaseCreated, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const idempotencyKey = request.headers["idempotency-key"];
        const result = await openCase(deps.db, {
          organisationId: caller.organisationId,
          channel: "api",
          subject: request.body.subject,
          body: request.body.message,
          contact: request.body.contact,
          attachments: decodeAttachments(request.body.attachments),
          topic: request.body.topicFicheId ? { ficheId: request.body.topicFicheId } : undefined,
          submissionKey: idempotencyKey
            ? `api:${caller.apiKeyId}:${createHash("sha256").update(idempotencyKey).digest("hex")}`
            : null,
          publicUrl: deps.config.publicUrl,
          clock: deps.clock,
        });
        request.log.info(
          { caseId: result.caseId, apiKeyId: caller.apiKeyId, created: result.created },
          "api case",
        );
        const trackingUrl = result.trackingToken
          ? `${deps.config.publicUrl.replace(/\/+$/, "")}/suivi/${result.trackingToken}`
          : undefined;
        return reply
          .status(result.created ? 201 : 200)
          .header("cache-control", "no-store")
          .send({
            reference: result.reference,
            created: result.created,
            ...(trackingUrl ? { trackingUrl } : {}),
          });
      },
    );

    typed.get(
      "/api/v1/cases/:reference",
      {
        schema: {
          summary: "Lire l'état d'une demande",
          tags: ["demandes"],
          security,
          params: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 40 }) }),
          response: { 200: CaseSummary, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const found = await findCaseSummaryByReference(deps.db, {
          organisationId: caller.organisationId,
          reference: request.params.reference,
        });
        if (!found)
          throw new AppError("NOT_FOUND", {
            message: "api case not found",
            userMessage: "Aucune demande de votre commune ne porte cette référence.",
          });
        return found;
      },
    );
  });
}
