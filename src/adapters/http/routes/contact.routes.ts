/** The public contact form: a citizen's request becomes a case (channel "web"). */
import type { FastifyInstance, FastifyReply } from "fastify";
import { openCase } from "../../../domains/cases/index.ts";
import { listThemes } from "../../../domains/knowledge/fiches/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import { type ContactValues, contactSentView, contactView } from "../../../web/pages/contact/views.tsx";
import {
  findConfirmedToken,
  isFormKey,
  newFormKey,
  saveConfirmation,
  submissionKeyOf,
} from "../citizen-desk/contact-confirmation.ts";
import { formFieldOf } from "../citizen-desk/form-errors.ts";
import {
  CONTACT_LIMIT,
  formLimitedError,
  isFormLimited,
  recordFormHit,
} from "../citizen-desk/public-form-limit.ts";
import { readCitizenForm, registerCitizenMultipart } from "../citizen-desk/read-citizen-form.ts";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { siteContext } from "../site-context.ts";

const LIMITED_MESSAGE =
  "Plusieurs demandes ont été envoyées depuis votre connexion en peu de temps. Réessayez dans une heure, ou contactez-nous par téléphone.";

function privateReply(reply: FastifyReply): FastifyReply {
  // The form's one-time key and the confirmation's tracking link must not be cached or sent onwards.
  return reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
}

function valuesOf(fields: Record<string, string>): ContactValues {
  return {
    name: fields.nom ?? "",
    email: fields.email ?? "",
    phone: fields.telephone ?? "",
    subject: fields.sujet ?? "",
    topic: fields.theme ?? "",
    message: fields.message ?? "",
  };
}

/** The required parts, all listed at once (the use case then checks formats, one at a time). */
function missingFields(values: ContactValues): FieldError[] {
  const errors: FieldError[] = [];
  if (values.email.trim() === "" && values.phone.trim() === "")
    errors.push({
      id: "email",
      message:
        "Indiquez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre.",
    });
  if (values.subject.trim() === "")
    errors.push({ id: "sujet", message: "Veuillez indiquer l'objet de votre demande." });
  if (values.message.trim() === "") errors.push({ id: "message", message: "Veuillez écrire votre message." });
  return errors;
}

export async function registerContactRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const organisationId = deps.organisation.id;
  const site = siteContext(deps);
  const topicsOf = async () =>
    (await listThemes(deps.db, { organisationId })).map(({ id, title }) => ({ id, title }));

  await app.register(async (scope) => {
    await registerCitizenMultipart(scope);

    scope.get("/contact", async (_request, reply) => {
      const page = contactView({
        site,
        values: valuesOf({}),
        formKey: newFormKey(),
        topics: await topicsOf(),
        errors: [],
      });
      return sendPage(privateReply(reply), page);
    });

    scope.post("/contact", async (request, reply) => {
      privateReply(reply);
      const form = await readCitizenForm(request);
      const values = valuesOf(form.fields);
      const formKey = isFormKey(form.fields.cle) ? form.fields.cle : newFormKey();
      const address = request.ip;
      const sent = (reference: string, token: string | null) =>
        sendPage(
          reply,
          contactSentView({
            site,
            reference,
            trackingUrl: token ? `/suivi/${token}` : undefined,
            acknowledged: values.email.trim() !== "",
          }),
        );

      if ((form.fields.site_web ?? "") !== "") {
        await recordFormHit(deps.db, { limit: CONTACT_LIMIT, address, clock: deps.clock });
        request.log.info({ outcome: "trap" }, "contact form refused");
        return sendPage(reply, contactSentView({ site }));
      }
      const retry = await findConfirmedToken(deps.db, { organisationId, formKey });
      if (await isFormLimited(deps.db, { limit: CONTACT_LIMIT, address, clock: deps.clock })) {
        if (retry === null) throw formLimitedError(LIMITED_MESSAGE);
      }

      const topics = await topicsOf();
      const refuse = (errors: FieldError[]) =>
        sendPage(
          reply,
          contactView({ site, values, formKey, topics, errors, filesDropped: form.files.length > 0 }),
          400,
        );
      const errors = missingFields(values);
      if (values.topic !== "" && !topics.some((t) => t.id === values.topic))
        errors.push({ id: "theme", message: "Choisissez un thème dans la liste, ou « Je ne sais pas »." });
      if (errors.length > 0) return refuse(errors);

      try {
        const result = await deps.db.transaction().execute(async (trx) => {
          const opened = await openCase(trx, {
            organisationId,
            channel: "web",
            subject: values.subject,
            contact: { name: values.name, email: values.email, phone: values.phone },
            body: values.message,
            attachments: form.files,
            topic: values.topic ? { ficheId: values.topic } : undefined,
            submissionKey: submissionKeyOf(formKey),
            publicUrl: deps.config.publicUrl,
            clock: deps.clock,
          });
          if (opened.trackingToken)
            await saveConfirmation(trx, {
              organisationId,
              formKey,
              token: opened.trackingToken,
              clock: deps.clock,
            });
          return opened;
        });
        if (result.created)
          await recordFormHit(deps.db, { limit: CONTACT_LIMIT, address, clock: deps.clock });
        request.log.info({ caseId: result.caseId, created: result.created }, "contact form case");
        const token =
          result.trackingToken ?? (await findConfirmedToken(deps.db, { organisationId, formKey }));
        return sent(result.reference, token);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "BAD_REQUEST") throw error;
        const field = formFieldOf(error);
        return refuse([{ id: field, message: error.userMessage }]);
      }
    });
  });
}
