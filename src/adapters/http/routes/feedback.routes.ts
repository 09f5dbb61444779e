/**
 * "Je donne mon avis": the public questionnaires (/avis, /avis/<slug>), the counter kiosk, the printable
 * QR code and the embeddable button's page. Plain forms, no script needed; answers go through
 * `submitFeedbackAnswer`, which checks, scrubs and stores them.
 */
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ALREADY_ANSWERED,
  type AnswerError,
  checkFeedbackInvitation,
  findPublishedQuestionnaire,
  findPublishedQuestionnaireById,
  findQuestionnaireStatus,
  findShownVersion,
  normaliseTopic,
  type Questionnaire,
  RESERVED_SLUGS,
  submitFeedbackAnswer,
} from "../../../domains/feedback/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FeedbackChannel } from "../../../shared/database.ts";
import { answersFromForm, HIDDEN, single } from "../../../web/pages/feedback/form-names.ts";
import {
  feedbackEmbedView,
  feedbackNoticeView,
  feedbackQrView,
  feedbackThanksView,
  feedbackView,
} from "../../../web/pages/feedback/views.tsx";
import { isFormKey, newFormKey } from "../citizen-desk/contact-confirmation.ts";
import {
  FEEDBACK_LIMIT,
  formLimitedError,
  isFormLimited,
  recordFormHit,
} from "../citizen-desk/public-form-limit.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const CSS_FILE = path.resolve(import.meta.dirname, "../../../web/pages/feedback/feedback.css");
const KIOSK_SCRIPT = 'setTimeout(function(){location.replace("/avis/borne")},20000);\n';
const CLOSED_TITLE = "Ce questionnaire n'est plus ouvert";
const CLOSED_MESSAGE =
  "Ce questionnaire est clos : il ne reçoit plus de réponses. Merci de votre intérêt. Vous pouvez toujours nous donner votre avis sur nos services.";
const LIMITED_MESSAGE =
  "Beaucoup d'avis ont été envoyés depuis votre connexion en peu de temps. Réessayez dans une heure.";

const CHANNELS: Record<string, FeedbackChannel> = {
  web: "web",
  site: "web",
  email: "email",
  courriel: "email",
  chat: "chat",
  phone: "phone",
  telephone: "phone",
  counter: "counter",
  guichet: "counter",
  borne: "counter",
};

export const QR_CHANNELS = [
  { value: "counter", label: "Au guichet (accueil de la mairie)" },
  { value: "web", label: "Sur une affiche ou un document" },
];

function channelOf(value: string): FeedbackChannel {
  return CHANNELS[value.toLowerCase()] ?? "web";
}

function privateReply(reply: FastifyReply): FastifyReply {
  // The invitation token is in the address and the form: keep it out of caches and Referer headers.
  return reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
}

type Query = { canal?: string; demarche?: string; invitation?: string; borne?: string };

/** A refusal shown as a page of its own: an invitation that cannot be used, a closed questionnaire... */
function pageRefusal(error: unknown): { title: string; message: string; status: number } | null {
  if (!(error instanceof AppError)) return null;
  const reason = error.details?.reason;
  if (reason === "questionnaire_closed") return { title: CLOSED_TITLE, message: CLOSED_MESSAGE, status: 404 };
  if (reason === "version_unknown")
    return { title: "Version du questionnaire inconnue", message: error.userMessage, status: 400 };
  if (reason === "invitation_used")
    return { title: "Vous avez déjà répondu", message: ALREADY_ANSWERED, status: 409 };
  if (reason === "invitation_expired" || reason === "invitation_invalid")
    return { title: "Lien expiré ou incomplet", message: error.userMessage, status: 404 };
  return null;
}

export async function registerFeedbackRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);
  const css = fs.readFileSync(CSS_FILE, "utf8");

  const questionnaireBySlug = async (slug: string): Promise<Questionnaire> => {
    const found = RESERVED_SLUGS.includes(slug)
      ? null
      : await findPublishedQuestionnaire(deps.db, { organisationId, slug, clock: deps.clock });
    if (!found && (await findQuestionnaireStatus(deps.db, { organisationId, slug })) === "archived")
      throw new AppError("NOT_FOUND", {
        message: "questionnaire archived",
        details: { reason: "questionnaire_closed" },
      });
    if (!found)
      throw new AppError("NOT_FOUND", {
        message: "questionnaire not found",
        userMessage: "Ce questionnaire n'existe pas ou n'est plus proposé.",
      });
    return found;
  };

  const questionnaireOfInvitation = async (token: string): Promise<Questionnaire> => {
    const invitation = await checkFeedbackInvitation(deps.db, { organisationId, token, clock: deps.clock });
    const found = await findPublishedQuestionnaireById(deps.db, {
      organisationId,
      questionnaireId: invitation.questionnaireId,
    });
    if (!found) throw new AppError("NOT_FOUND", { userMessage: "Ce questionnaire n'est plus proposé." });
    return found;
  };

  const notice = (reply: FastifyReply, refusal: { title: string; message: string; status: number }) =>
    sendPage(
      reply,
      feedbackNoticeView({
        site,
        title: refusal.title,
        message: refusal.message,
        offerForm: refusal.status === 404,
      }),
      refusal.status,
    );

  async function showForm(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
    slug: string,
    kiosk: boolean,
  ) {
    privateReply(reply);
    const token = single(request.query.invitation);
    let questionnaire: Questionnaire;
    try {
      questionnaire = token ? await questionnaireOfInvitation(token) : await questionnaireBySlug(slug);
    } catch (error) {
      const refusal = pageRefusal(error);
      if (refusal) return notice(reply, refusal);
      throw error;
    }
    const topic = normaliseTopic(single(request.query.demarche)) ?? undefined;
    return sendPage(
      reply,
      feedbackView({
        site,
        definition: questionnaire.definition,
        action: kiosk ? "/avis/borne" : slug === "jdma" ? "/avis" : `/avis/${slug}`,
        formKey: newFormKey(),
        values: {},
        errors: [],
        hidden: {
          ...(token
            ? { invitation: token }
            : { channel: kiosk ? "counter" : channelOf(single(request.query.canal)) }),
          ...(topic && !token ? { topic } : {}),
          kiosk,
          version: questionnaire.version,
        },
      }),
    );
  }

  async function takeAnswer(request: FastifyRequest, reply: FastifyReply, slug: string, kiosk: boolean) {
    privateReply(reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const formKey = isFormKey(single(body[HIDDEN.formKey])) ? single(body[HIDDEN.formKey]) : newFormKey();
    const token = single(body[HIDDEN.invitation]) || undefined;
    const channel = kiosk ? "counter" : channelOf(single(body[HIDDEN.channel]));
    const topic = normaliseTopic(single(body[HIDDEN.topic]));
    const address = request.ip;
    if (await isFormLimited(deps.db, { limit: FEEDBACK_LIMIT, address, clock: deps.clock }))
      throw formLimitedError(LIMITED_MESSAGE);

    let questionnaire: Questionnaire;
    try {
      questionnaire = token ? await questionnaireOfInvitation(token) : await questionnaireBySlug(slug);
      // Read the form with the questions the citizen saw, even if a newer version was published since.
      questionnaire = await findShownVersion(deps.db, {
        organisationId,
        questionnaire,
        version: single(body[HIDDEN.version]),
      });
    } catch (error) {
      // A repeat of a form already answered (double click) still ends on the thanks page.
      if (!(error instanceof AppError) || error.details?.reason !== "invitation_used") {
        const refusal = pageRefusal(error);
        if (refusal) return notice(reply, refusal);
        throw error;
      }
      questionnaire = await questionnaireBySlug("jdma");
    }
    try {
      const result = await submitFeedbackAnswer(deps.db, {
        organisationId,
        clock: deps.clock,
        questionnaireSlug: questionnaire.slug,
        invitationToken: token,
        channel,
        topic,
        answers: answersFromForm(questionnaire.definition, body),
        questionnaireVersion: questionnaire.version,
        submissionKey: `avis:${formKey}`,
      });
      if (result.created) await recordFormHit(deps.db, { limit: FEEDBACK_LIMIT, address, clock: deps.clock });
      request.log.info({ answerId: result.answerId, created: result.created, channel }, "feedback answer");
      return reply.redirect(kiosk ? "/avis/merci?borne=1" : "/avis/merci", 303);
    } catch (error) {
      const refusal = pageRefusal(error);
      if (refusal) return notice(reply, refusal);
      if (!(error instanceof AppError) || error.code !== "BAD_REQUEST" || !error.details?.errors) throw error;
      return sendPage(
        reply,
        feedbackView({
          site,
          definition: questionnaire.definition,
          action: kiosk ? "/avis/borne" : slug === "jdma" ? "/avis" : `/avis/${slug}`,
          formKey,
          values: answersFromForm(questionnaire.definition, body),
          errors: error.details.errors as AnswerError[],
          hidden: {
            ...(token ? { invitation: token } : { channel }),
            ...(topic && !token ? { topic } : {}),
            kiosk,
            version: questionnaire.version,
          },
        }),
        400,
      );
    }
  }

  app.get("/assets/feedback.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=86400").send(css),
  );
  app.get("/avis/borne.js", async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=86400")
      .send(KIOSK_SCRIPT),
  );

  app.get<{ Querystring: Query }>("/avis", (request, reply) => showForm(request, reply, "jdma", false));
  app.post("/avis", (request, reply) => takeAnswer(request, reply, "jdma", false));
  app.get<{ Querystring: Query }>("/avis/borne", (request, reply) => showForm(request, reply, "jdma", true));
  app.post("/avis/borne", (request, reply) => takeAnswer(request, reply, "jdma", true));

  app.get<{ Querystring: Query }>("/avis/merci", async (request, reply) =>
    sendPage(privateReply(reply), feedbackThanksView({ site, kiosk: single(request.query.borne) === "1" })),
  );

  app.get<{ Querystring: Query }>("/avis/qr", async (request, reply) => {
    const channel = channelOf(single(request.query.canal) || "counter");
    const topic = normaliseTopic(single(request.query.demarche)) ?? "";
    const params = new URLSearchParams({ canal: channel, ...(topic ? { demarche: topic } : {}) });
    const url = `${deps.config.publicUrl.replace(/\/+$/, "")}/avis?${params.toString()}`;
    return sendPage(reply, feedbackQrView({ site, url, channel, topic, channels: QR_CHANNELS }));
  });

  app.get("/avis/integrer", async (_request, reply) => sendPage(reply, feedbackEmbedView({ site })));

  app.get<{ Params: { slug: string }; Querystring: Query }>("/avis/:slug", (request, reply) =>
    showForm(request, reply, request.params.slug, false),
  );
  app.post<{ Params: { slug: string } }>("/avis/:slug", (request, reply) =>
    takeAnswer(request, reply, request.params.slug, false),
  );
}
