/**
 * Public feedback pages: testimonials (/temoignages, /temoignages/nouveau), the suggestion box
 * (/suggestions) and "Vous avez dit, nous avons fait" (/vous-avez-dit). No JavaScript, no cookie:
 * a one-time form key stops double submissions, a hidden field and a rate limit stop robots.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { listPublicActions, submitSuggestion } from "../../../domains/feedback/actions/index.ts";
import {
  isTestimonialTag,
  listPublishedTestimonials,
  submitTestimonial,
} from "../../../domains/feedback/testimonials/index.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import {
  EMPTY_TESTIMONIAL,
  feedbackSentView,
  type SuggestionValues,
  suggestionView,
  type TestimonialValues,
  testimonialFormView,
  testimonialsView,
  youSaidView,
} from "../../../web/pages/feedback-public/views.tsx";
import { isFormKey, newFormKey, submissionKeyOf } from "../citizen-desk/contact-confirmation.ts";
import {
  type FormLimit,
  formLimitedError,
  isFormLimited,
  recordFormHit,
  SUGGESTION_LIMIT,
  TESTIMONIAL_LIMIT,
} from "../citizen-desk/public-form-limit.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const LIMITED_MESSAGE =
  "Plusieurs envois ont été faits depuis votre connexion en peu de temps. Réessayez dans une heure.";

type Fields = Record<string, string | string[]>;

function fieldsOf(request: FastifyRequest): Fields {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const fields: Fields = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
    else if (Array.isArray(value)) fields[name] = value.filter((v): v is string => typeof v === "string");
  }
  return fields;
}

const one = (fields: Fields, name: string): string => {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};
const many = (fields: Fields, name: string): string[] => {
  const value = fields[name];
  return value === undefined ? [] : Array.isArray(value) ? value.slice(0, 20) : [value];
};

const toFieldErrors = (errors: { field: string; message: string }[]): FieldError[] =>
  errors.map((e) => ({ id: e.field, message: e.message }));

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "no-store");
}

export async function registerTestimonialRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);
  const clock = deps.clock;

  /** Trap, then rate limit (a retry of an already stored form is let through: it stores nothing). */
  async function guard(request: FastifyRequest, fields: Fields, limit: FormLimit): Promise<"trap" | "ok"> {
    const address = request.ip;
    if (one(fields, "site_web") !== "") {
      await recordFormHit(deps.db, { limit, address, clock });
      request.log.info({ outcome: "trap", bucket: limit.bucket }, "feedback form refused");
      return "trap";
    }
    if (await isFormLimited(deps.db, { limit, address, clock })) throw formLimitedError(LIMITED_MESSAGE);
    return "ok";
  }

  app.get("/temoignages", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const tag = typeof query.theme === "string" && query.theme !== "" ? query.theme : undefined;
    const page = typeof query.page === "string" ? Number.parseInt(query.page, 10) || 1 : 1;
    const result = await listPublishedTestimonials(deps.db, { organisationId, tag, page });
    return sendPage(
      reply,
      testimonialsView({ site, result, tag: tag && isTestimonialTag(tag) ? tag : undefined }),
    );
  });

  app.get("/temoignages/nouveau", async (_request, reply) =>
    sendPage(
      noStore(reply),
      testimonialFormView({ site, values: EMPTY_TESTIMONIAL, formKey: newFormKey(), errors: [] }),
    ),
  );

  app.post("/temoignages/nouveau", async (request, reply) => {
    noStore(reply);
    const fields = fieldsOf(request);
    if ((await guard(request, fields, TESTIMONIAL_LIMIT)) === "trap")
      return sendPage(reply, feedbackSentView({ site, kind: "temoignage" }));
    const cle = one(fields, "cle");
    const formKey = isFormKey(cle) ? cle : newFormKey();
    const values: TestimonialValues = {
      canal: one(fields, "canal"),
      titre: one(fields, "titre"),
      recit: one(fields, "recit"),
      ressenti: one(fields, "ressenti"),
      etiquettes: many(fields, "etiquettes"),
      email: one(fields, "email"),
    };
    const result = await submitTestimonial(deps.db, {
      organisationId,
      form: values,
      submissionKey: submissionKeyOf(formKey),
      clock,
    });
    if (!result.ok)
      return sendPage(
        reply,
        testimonialFormView({ site, values, formKey, errors: toFieldErrors(result.errors) }),
        400,
      );
    if (result.created)
      await recordFormHit(deps.db, { limit: TESTIMONIAL_LIMIT, address: request.ip, clock });
    request.log.info({ testimonialId: result.id, created: result.created }, "testimonial submitted");
    return sendPage(
      reply,
      feedbackSentView({ site, kind: "temoignage", notify: values.email.trim() !== "" }),
    );
  });

  app.get("/suggestions", async (_request, reply) =>
    sendPage(
      noStore(reply),
      suggestionView({ site, values: { sujet: "", suggestion: "" }, formKey: newFormKey(), errors: [] }),
    ),
  );

  app.post("/suggestions", async (request, reply) => {
    noStore(reply);
    const fields = fieldsOf(request);
    if ((await guard(request, fields, SUGGESTION_LIMIT)) === "trap")
      return sendPage(reply, feedbackSentView({ site, kind: "suggestion" }));
    const cle = one(fields, "cle");
    const formKey = isFormKey(cle) ? cle : newFormKey();
    const values: SuggestionValues = { sujet: one(fields, "sujet"), suggestion: one(fields, "suggestion") };
    const result = await submitSuggestion(deps.db, {
      organisationId,
      form: values,
      submissionKey: submissionKeyOf(formKey),
      clock,
    });
    if (!result.ok)
      return sendPage(
        reply,
        suggestionView({ site, values, formKey, errors: toFieldErrors(result.errors) }),
        400,
      );
    if (result.created) await recordFormHit(deps.db, { limit: SUGGESTION_LIMIT, address: request.ip, clock });
    request.log.info({ suggestionId: result.id, created: result.created }, "suggestion submitted");
    return sendPage(reply, feedbackSentView({ site, kind: "suggestion" }));
  });

  app.get("/vous-avez-dit", async (_request, reply) =>
    sendPage(reply, youSaidView({ site, actions: await listPublicActions(deps.db, { organisationId }) })),
  );
}
