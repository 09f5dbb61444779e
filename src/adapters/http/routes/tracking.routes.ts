/**
 * Citizen tracking: /suivi/<token> (the link of the acknowledgement) and /suivi (reference + e-mail).
 * The token is a key to someone's request: its routes log the route pattern instead of the URL, and
 * every response is no-store and sends no Referer. The reference route gives no token back (only its
 * hash is stored): its page carries a signed grant in the reply form instead.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  addCitizenMessage,
  findCaseByReferenceAndEmail,
  findCaseByTrackingToken,
  getCaseAttachmentForCitizen,
  type PublicCaseView,
} from "../../../domains/cases/index.ts";
import { ensureSessionSecret } from "../../../domains/identity/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import { trackingLookupView, trackingView } from "../../../web/pages/tracking/views.tsx";
import { formFieldOf } from "../citizen-desk/form-errors.ts";
import {
  formLimitedError,
  isFormLimited,
  recordFormHit,
  TRACKING_LOOKUP_LIMIT,
  TRACKING_REPLY_LIMIT,
} from "../citizen-desk/public-form-limit.ts";
import {
  type CitizenForm,
  readCitizenForm,
  registerCitizenMultipart,
} from "../citizen-desk/read-citizen-form.ts";
import { issueTrackingGrant, verifyTrackingGrant } from "../citizen-desk/tracking-grant.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const UNKNOWN_LINK_MESSAGE =
  "Ce lien de suivi n'est pas valide. Vérifiez qu'il est complet, ou retrouvez votre demande avec sa référence et votre adresse électronique sur la page « Suivre une demande ».";
const LOOKUP_MISS_MESSAGE =
  "Aucune demande ne correspond à cette référence et à cette adresse électronique. Vérifiez-les et réessayez.";
const GRANT_EXPIRED_MESSAGE =
  "Votre accès à cette demande a expiré. Retrouvez-la de nouveau avec sa référence et votre adresse électronique.";
const LIMITED_MESSAGE = "Trop de tentatives depuis votre connexion. Veuillez patienter avant de réessayer.";
export const REPLY_SENT_NOTICE = "Votre message a bien été ajouté à votre demande.";

/** Logs "/suivi/:token" rather than the URL, so a log file never holds a working link. */
function patternLogged(pattern: string) {
  return { req: (request: { method: string }) => ({ method: request.method, url: pattern }) };
}

function unknownLink(): AppError {
  return new AppError("NOT_FOUND", { message: "unknown tracking token", userMessage: UNKNOWN_LINK_MESSAGE });
}

type Token = { Params: { token: string } };

export async function registerTrackingRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);
  const secret = deps.config.sessionSecret ?? (await ensureSessionSecret(deps.db));

  /** Adds the citizen's message; returns the refusal to show (field errors), or null when added. */
  async function reply(
    request: FastifyRequest,
    view: PublicCaseView,
    form: CitizenForm,
  ): Promise<FieldError[] | null> {
    const message = form.fields.message ?? "";
    if (message.trim() === "") return [{ id: "message", message: "Veuillez écrire votre message." }];
    if (await isFormLimited(deps.db, { limit: TRACKING_REPLY_LIMIT, address: request.ip, clock: deps.clock }))
      throw formLimitedError(LIMITED_MESSAGE);
    try {
      const added = await addCitizenMessage(deps.db, {
        organisationId,
        caseId: view.caseId,
        body: message,
        attachments: form.files,
        clock: deps.clock,
      });
      await recordFormHit(deps.db, { limit: TRACKING_REPLY_LIMIT, address: request.ip, clock: deps.clock });
      request.log.info({ caseId: added.caseId, reopened: added.reopened }, "citizen reply added");
      return null;
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT"))
        throw error;
      return [{ id: error.code === "CONFLICT" ? "message" : formFieldOf(error), message: error.userMessage }];
    }
  }

  await app.register(async (scope) => {
    await registerCitizenMultipart(scope);
    scope.addHook("onSend", async (_request, response: FastifyReply) => {
      response.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    });

    scope.get("/suivi", async (_request, response) =>
      sendPage(response, trackingLookupView({ site, reference: "", email: "", errors: [] })),
    );

    scope.post("/suivi", async (request, response) => {
      const { fields } = await readCitizenForm(request);
      const reference = (fields.reference ?? "").trim().toUpperCase().slice(0, 40);
      const email = (fields.email ?? "").trim().slice(0, 254);
      const errors: FieldError[] = [];
      if (reference === "")
        errors.push({ id: "reference", message: "Veuillez indiquer la référence de la demande." });
      if (email === "")
        errors.push({ id: "email", message: "Veuillez indiquer votre adresse électronique." });
      if (errors.length > 0)
        return sendPage(response, trackingLookupView({ site, reference, email, errors }), 400);
      const limit = { limit: TRACKING_LOOKUP_LIMIT, address: request.ip, clock: deps.clock };
      if (await isFormLimited(deps.db, limit)) throw formLimitedError(LIMITED_MESSAGE);
      const view = await findCaseByReferenceAndEmail(deps.db, { organisationId, reference, email });
      if (!view) {
        await recordFormHit(deps.db, limit);
        request.log.info({ outcome: "miss" }, "tracking lookup");
        const miss = [{ id: "reference", message: LOOKUP_MISS_MESSAGE }];
        return sendPage(response, trackingLookupView({ site, reference, email, errors: miss }), 404);
      }
      request.log.info({ caseId: view.caseId }, "tracking lookup");
      const grant = issueTrackingGrant(secret, { organisationId, reference, email }, deps.clock.now());
      return sendPage(response, trackingView({ site, view, replyAction: "/suivi/demande", grant }));
    });

    scope.post("/suivi/demande", async (request, response) => {
      const form = await readCitizenForm(request);
      const grant = verifyTrackingGrant(secret, form.fields.acces ?? "", deps.clock.now());
      if (!grant || grant.organisationId !== organisationId)
        throw new AppError("FORBIDDEN", {
          message: "tracking grant invalid",
          userMessage: GRANT_EXPIRED_MESSAGE,
        });
      const found = await findCaseByReferenceAndEmail(deps.db, {
        organisationId,
        reference: grant.reference,
        email: grant.email,
      });
      if (!found)
        throw new AppError("NOT_FOUND", { message: "granted case gone", userMessage: LOOKUP_MISS_MESSAGE });
      const errors = await reply(request, found, form);
      const view = errors
        ? found
        : ((await findCaseByReferenceAndEmail(deps.db, {
            organisationId,
            reference: grant.reference,
            email: grant.email,
          })) ?? found);
      const page = trackingView({
        site,
        view,
        replyAction: "/suivi/demande",
        grant: form.fields.acces,
        errors: errors ?? [],
        message: errors ? (form.fields.message ?? "") : "",
        notice: errors ? undefined : REPLY_SENT_NOTICE,
      });
      return sendPage(response, page, errors ? 400 : 200);
    });

    scope.get<Token & { Querystring: { envoye?: string } }>(
      "/suivi/:token",
      { logSerializers: patternLogged("/suivi/:token") },
      async (request, response) => {
        const { token } = request.params;
        const view = await findCaseByTrackingToken(deps.db, { organisationId, token });
        if (!view) throw unknownLink();
        const notice = request.query.envoye === "1" ? REPLY_SENT_NOTICE : undefined;
        const base = `/suivi/${token}`;
        return sendPage(
          response,
          trackingView({ site, view, replyAction: base, documentsBase: `${base}/documents`, notice }),
        );
      },
    );

    scope.post<Token>(
      "/suivi/:token",
      { logSerializers: patternLogged("/suivi/:token") },
      async (request, response) => {
        const { token } = request.params;
        const form = await readCitizenForm(request);
        const view = await findCaseByTrackingToken(deps.db, { organisationId, token });
        if (!view) throw unknownLink();
        const errors = await reply(request, view, form);
        const base = `/suivi/${token}`;
        if (!errors) return response.redirect(`${base}?envoye=1`, 303);
        const page = trackingView({
          site,
          view,
          replyAction: base,
          documentsBase: `${base}/documents`,
          errors,
          message: form.fields.message ?? "",
        });
        return sendPage(response, page, 400);
      },
    );

    scope.get<{ Params: { token: string; id: string } }>(
      "/suivi/:token/documents/:id",
      { logSerializers: patternLogged("/suivi/:token/documents/:id") },
      async (request, response) => {
        const doc = await getCaseAttachmentForCitizen(deps.db, {
          organisationId,
          token: request.params.token,
          attachmentId: request.params.id,
        });
        return response
          .type(doc.contentType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
          .header("content-security-policy", "sandbox")
          .send(doc.content);
      },
    );
  });
}
