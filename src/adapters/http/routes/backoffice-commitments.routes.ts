/**
 * Service commitments and the business calendar in the back office (/admin/engagements):
 * list, create, edit, deactivate commitments; weekly opening hours, Alsace-Moselle holidays and
 * exceptional closures. Administrators only; registered inside the back-office scope (session, CSRF,
 * French error pages).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  addCalendarClosure,
  type CommitmentInput,
  createCommitment,
  findCommitmentProcedures,
  getBusinessCalendar,
  getCommitment,
  listCommitments,
  listProcedureChoices,
  MAX_PERIODS_PER_DAY,
  type PeriodInput,
  removeCalendarClosure,
  type ServiceCommitment,
  setCommitmentActive,
  updateBusinessHours,
  updateCommitment,
  WEEKDAYS,
  type Weekday,
} from "../../../domains/commitments/index.ts";
import type { Agent } from "../../../domains/identity/index.ts";
import { AppError } from "../../../shared/app-error.ts";
import {
  type ClosureForm,
  type HoursForm,
  hoursFormOf,
} from "../../../web/backoffice/commitments/calendar-forms.tsx";
import {
  EMPTY_COMMITMENT_FORM,
  formFromCommitment,
} from "../../../web/backoffice/commitments/commitment-form.tsx";
import {
  CLOSURE_FIELD_IDS,
  CLOSURE_REMOVE_PATH,
  CLOSURES_PATH,
  COMMITMENT_FIELD_IDS,
  COMMITMENTS_ADMIN_MESSAGE,
  COMMITMENTS_PATH,
  HOURS_PATH,
  hourFieldId,
  REGION_FIELD_ID,
} from "../../../web/backoffice/commitments/labels.ts";
import { commitmentEditView, commitmentsView } from "../../../web/backoffice/commitments/views.tsx";
import type { FieldError } from "../../../web/backoffice/form-fields.tsx";
import type { AppDeps } from "../deps.ts";
import { sendPage } from "../html.ts";
import { requireAgent, takeFlash } from "../plugins/backoffice-auth.ts";
import { backofficeSite } from "../plugins/backoffice-site.ts";
import { formError, formField, routeParam } from "./backoffice-admin-access.ts";

const local = (path: string) => path.replace("/admin", "");

async function requireCommitmentsAdmin(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Agent | null> {
  const agent = await requireAgent(deps, request, reply);
  if (agent && !agent.roles.includes("admin"))
    throw new AppError("FORBIDDEN", {
      message: "admin role required",
      userMessage: COMMITMENTS_ADMIN_MESSAGE,
    });
  return agent;
}

function commitmentForm(body: unknown): CommitmentInput {
  return {
    label: formField(body, "label").slice(0, 400),
    measure: formField(body, "measure"),
    channel: formField(body, "channel"),
    procedure: formField(body, "procedure").slice(0, 100),
    fiche: formField(body, "fiche").slice(0, 500),
    delayUnit: formField(body, "delayUnit"),
    delayAmount: formField(body, "delayAmount").slice(0, 20),
    targetPercent: formField(body, "targetPercent").slice(0, 20),
  };
}

function hoursForm(body: unknown): HoursForm {
  const hours: Partial<Record<Weekday, PeriodInput[]>> = {};
  for (const day of WEEKDAYS)
    hours[day] = Array.from({ length: MAX_PERIODS_PER_DAY }, (_, period) => ({
      from: formField(body, `h${day}_${period}_from`).slice(0, 10),
      to: formField(body, `h${day}_${period}_to`).slice(0, 10),
    }));
  return { hours, region: formField(body, "region") };
}

function closureForm(body: unknown): ClosureForm {
  return {
    from: formField(body, "from").slice(0, 20),
    to: formField(body, "to").slice(0, 20),
    label: formField(body, "label").slice(0, 400),
  };
}

/** The domain names the field ("hours.1.0.from", "delayAmount", "closure.to"); the page has ids. */
function fieldIdOf(field: unknown): string {
  if (typeof field !== "string") return COMMITMENT_FIELD_IDS.label;
  if (field in COMMITMENT_FIELD_IDS) return COMMITMENT_FIELD_IDS[field as keyof typeof COMMITMENT_FIELD_IDS];
  const hour = /^hours\.(\d)\.(\d)\.(from|to)$/.exec(field);
  if (hour) return hourFieldId(Number(hour[1]), Number(hour[2]), hour[3] as "from" | "to");
  if (field === "region") return REGION_FIELD_ID;
  if (field === "closure.to") return CLOSURE_FIELD_IDS.to;
  if (field === "closure.from") return CLOSURE_FIELD_IDS.from;
  return COMMITMENT_FIELD_IDS.label;
}

export function registerBackofficeCommitmentsRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const organisationId = deps.organisation.id;

  /** The procedures the form offers, and the titles of those the commitments name. */
  const procedures = async (commitments: readonly ServiceCommitment[]) => {
    const [choices, titles] = await Promise.all([
      listProcedureChoices(deps.db, { organisationId }),
      findCommitmentProcedures(deps.db, { organisationId, commitments }),
    ]);
    return { choices, titles };
  };

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    extra: {
      newCommitment?: CommitmentInput;
      hours?: HoursForm;
      closure?: ClosureForm;
      error?: FieldError;
      status?: number;
    } = {},
  ) => {
    const [commitments, calendar] = await Promise.all([
      listCommitments(deps.db, { organisationId }),
      getBusinessCalendar(deps.db, organisationId),
    ]);
    const { choices, titles } = await procedures(commitments);
    const site = await backofficeSite(deps, request, reply, admin);
    const page = commitmentsView({
      site,
      commitments,
      procedures: titles,
      choices,
      calendar,
      newCommitment: extra.newCommitment ?? EMPTY_COMMITMENT_FORM,
      hours: extra.hours ?? hoursFormOf(calendar),
      closure: extra.closure ?? { from: "", to: "", label: "" },
      error: extra.error,
      flash: takeFlash(request),
    });
    return sendPage(reply, page, extra.status);
  };

  /** Saves, flashes and redirects to the list; a fixable refusal re-renders it with the message. */
  const act = async (
    request: FastifyRequest,
    reply: FastifyReply,
    admin: Agent,
    run: () => Promise<string>,
    keep: Parameters<typeof renderList>[3] = {},
  ) => {
    try {
      request.session.flash = await run();
      return reply.redirect(COMMITMENTS_PATH, 303);
    } catch (error) {
      const refusal = formError(error, fieldIdOf);
      if (!refusal) throw error;
      return renderList(request, reply, admin, { ...keep, ...refusal });
    }
  };

  scope.get(local(COMMITMENTS_PATH), async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    return renderList(request, reply, admin);
  });

  scope.post(local(COMMITMENTS_PATH), async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    const form = commitmentForm(request.body);
    return act(
      request,
      reply,
      admin,
      async () => {
        const created = await createCommitment(deps.db, {
          organisationId,
          form,
          actorId: admin.id,
          clock: deps.clock,
        });
        request.log.info({ commitmentId: created.id, adminId: admin.id }, "commitment created");
        return `Engagement « ${created.label} » ajouté.`;
      },
      { newCommitment: form },
    );
  });

  scope.get(`${local(COMMITMENTS_PATH)}/:id`, async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    const commitment = await getCommitment(deps.db, {
      organisationId,
      commitmentId: routeParam(request, "id"),
    });
    const { choices, titles } = await procedures([commitment]);
    const site = await backofficeSite(deps, request, reply, admin);
    return sendPage(
      reply,
      commitmentEditView({ site, commitment, form: formFromCommitment(commitment), choices, titles }),
    );
  });

  scope.post(`${local(COMMITMENTS_PATH)}/:id`, async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    const commitmentId = routeParam(request, "id");
    const form = commitmentForm(request.body);
    try {
      const updated = await updateCommitment(deps.db, {
        organisationId,
        commitmentId,
        form,
        actorId: admin.id,
        clock: deps.clock,
      });
      request.log.info({ commitmentId, adminId: admin.id }, "commitment updated");
      request.session.flash = `Engagement « ${updated.label} » enregistré.`;
      return reply.redirect(COMMITMENTS_PATH, 303);
    } catch (error) {
      const refusal = formError(error, fieldIdOf);
      if (!refusal) throw error;
      const commitment = await getCommitment(deps.db, { organisationId, commitmentId });
      const { choices, titles } = await procedures([commitment]);
      const site = await backofficeSite(deps, request, reply, admin);
      return sendPage(
        reply,
        commitmentEditView({ site, commitment, form, choices, titles, error: refusal.error }),
        refusal.status,
      );
    }
  });

  for (const [segment, active] of [
    ["desactivation", false],
    ["activation", true],
  ] as const) {
    scope.post(`${local(COMMITMENTS_PATH)}/:id/${segment}`, async (request, reply) => {
      const admin = await requireCommitmentsAdmin(deps, request, reply);
      if (!admin) return reply;
      const commitmentId = routeParam(request, "id");
      return act(request, reply, admin, async () => {
        const { commitment, changed } = await setCommitmentActive(deps.db, {
          organisationId,
          commitmentId,
          active,
          actorId: admin.id,
          clock: deps.clock,
        });
        if (changed)
          request.log.info({ commitmentId, adminId: admin.id, active }, "commitment (de)activated");
        return `Engagement « ${commitment.label} » ${active ? "réactivé" : "désactivé"}.`;
      });
    });
  }

  scope.post(local(HOURS_PATH), async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    const form = hoursForm(request.body);
    return act(
      request,
      reply,
      admin,
      async () => {
        await updateBusinessHours(deps.db, { organisationId, ...form, actorId: admin.id });
        request.log.info({ adminId: admin.id }, "business hours updated");
        return "Horaires d'ouverture enregistrés.";
      },
      { hours: form },
    );
  });

  scope.post(local(CLOSURES_PATH), async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    const form = closureForm(request.body);
    return act(
      request,
      reply,
      admin,
      async () => {
        await addCalendarClosure(deps.db, { organisationId, ...form, actorId: admin.id });
        request.log.info({ adminId: admin.id }, "closure added");
        return "Fermeture exceptionnelle ajoutée.";
      },
      { closure: form },
    );
  });

  scope.post(local(CLOSURE_REMOVE_PATH), async (request, reply) => {
    const admin = await requireCommitmentsAdmin(deps, request, reply);
    if (!admin) return reply;
    await removeCalendarClosure(deps.db, {
      organisationId,
      from: formField(request.body, "from"),
      to: formField(request.body, "to"),
      actorId: admin.id,
    });
    request.log.info({ adminId: admin.id }, "closure removed");
    request.session.flash = "Fermeture exceptionnelle supprimée.";
    return reply.redirect(COMMITMENTS_PATH, 303);
  });
}
