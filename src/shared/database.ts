/**
 * Table types for Kysely. One place, mirrored by migrations/*.sql.
 * Domains import these types only (never a driver): `Db` is a Kysely instance or a transaction.
 */
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type XmlNode = {
  type: "element" | "text" | "cdata" | "comment";
  name?: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: XmlNode[];
};

export type OrganisationsTable = {
  id: string;
  slug: string;
  name: string;
  settings: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

export type EventsTable = {
  id: Generated<number>;
  organisation_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

export type InstanceSettingsTable = {
  key: string;
  value: string;
  created_at: Timestamp;
};

export type FichesTable = {
  organisation_id: string;
  id: string;
  kind: "F" | "N" | "R";
  publication_type: string;
  audiences: string[];
  title: string;
  description: string;
  subject: string;
  breadcrumb: Json<{ id: string; title: string }[]>;
  theme_id: string | null;
  parent_id: string | null;
  search_text: string;
  tree: Json<XmlNode>;
  content_hash: string;
  source: string;
  /** "YYYY-MM-DD" */
  modified_at: ColumnType<string | null, string | null | undefined, string | null>;
  imported_at: Timestamp;
  updated_at: Timestamp;
};

export type ImportRunsTable = {
  id: string;
  organisation_id: string;
  source: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  report: Json<Record<string, unknown>>;
};

export type LocalItemKind = "procedure" | "faq" | "news";
export type PublicationStatus = "draft" | "published";

export type LocalItemsTable = {
  id: string;
  organisation_id: string;
  kind: LocalItemKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  alt_questions: string[];
  status: PublicationStatus;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type KnowledgeRevisionsTable = {
  organisation_id: string;
  revision: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
};

export type AgentsTable = {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: string[];
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
} & AgentOidcColumns;

export type SessionsTable = {
  sid: string;
  data: Json<Record<string, unknown>>;
  expires_at: Timestamp;
};

export type LoginAttemptsTable = {
  key: string;
  attempted_at: Timestamp;
};

/** An interface so that each area's block below can add its tables by declaration merging. */
export interface Database {
  organisations: OrganisationsTable;
  events: EventsTable;
  instance_settings: InstanceSettingsTable;
  fiches: FichesTable;
  import_runs: ImportRunsTable;
  local_items: LocalItemsTable;
  knowledge_revisions: KnowledgeRevisionsTable;
  agents: AgentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
}

/** A database handle or an open transaction: every repository function accepts either. */
export type Db = Kysely<Database> | Transaction<Database>;
export type RootDb = Kysely<Database>;

// ---- e-mail channel (migration 0005) -------------------------------------------------------------
export type OutboxEmailKind = "acknowledgement" | "reply" | "notification";
export type OutboxEmailStatus = "pending" | "sending" | "sent" | "failed";
type EmailNullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type OutboxEmailsTable = {
  id: string;
  organisation_id: string;
  case_id: string | null;
  kind: ColumnType<OutboxEmailKind, OutboxEmailKind | undefined, OutboxEmailKind>;
  to_address: string;
  subject: string;
  text_body: string;
  message_id: string;
  in_reply_to: string | null;
  reference_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<OutboxEmailStatus, OutboxEmailStatus | undefined, OutboxEmailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: EmailNullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: EmailNullableTimestamp;
  /** Case attachments the mail carries (migration 0009), loaded by the worker when it sends. */
  attachment_ids: ColumnType<string[], string[] | undefined, string[]>;
};

export type InboundEmailStatus = "received" | "processed" | "rejected" | "failed";

export type InboundEmailsTable = {
  id: string;
  organisation_id: string;
  received_at: Timestamp;
  envelope_from: string | null;
  envelope_to: ColumnType<string[], string[] | undefined, string[]>;
  remote_address: string | null;
  raw: Uint8Array;
  size_bytes: number;
  message_id: string | null;
  status: ColumnType<InboundEmailStatus, InboundEmailStatus | undefined, InboundEmailStatus>;
  error: string | null;
  case_id: string | null;
  processed_at: EmailNullableTimestamp;
};

export interface Database {
  outbox_emails: OutboxEmailsTable;
  inbound_emails: InboundEmailsTable;
}
// ---- end e-mail channel ----------------------------------------------------------------------------

// ---- Cases (one desk, migrations/0004_cases.sql) -------------------------------------------------

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type TeamsTable = {
  id: string;
  organisation_id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TeamMembersTable = {
  organisation_id: string;
  team_id: string;
  agent_id: string;
  created_at: Timestamp;
};

export type CaseReferenceCountersTable = {
  organisation_id: string;
  year: number;
  last_value: number;
};

export type CasesTable = {
  id: string;
  organisation_id: string;
  reference: string;
  channel: "web" | "email" | "chat" | "phone" | "counter" | "api";
  status: "nouveau" | "en_cours" | "en_attente_usager" | "resolu" | "clos";
  priority: "basse" | "normale" | "haute" | "urgente";
  subject: string;
  topic_fiche_id: string | null;
  topic_local_item_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  team_id: string | null;
  assignee_id: string | null;
  merged_into_id: string | null;
  tracking_token_hash: string;
  submission_key: string | null;
  /** tsvector: written with sql`` expressions only (see domains/cases/cases.repo.ts) */
  search_vector: ColumnType<string, never, never>;
  opened_at: Timestamp;
  first_agent_reply_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  updated_at: Timestamp;
  /** When the thread, documents and contact were purged or erased (migration 0009). */
  purged_at: NullableTimestamp;
} & CaseSlaColumns;

export type CaseMessagesTable = {
  id: string;
  seq: Generated<number>;
  organisation_id: string;
  case_id: string;
  author_type: "citizen" | "agent" | "system";
  author_agent_id: string | null;
  visibility: "public" | "internal";
  body: string;
  email_message_id: string | null;
  created_at: Timestamp;
};

export type CaseEmailIdsTable = {
  organisation_id: string;
  message_id: string;
  case_id: string;
  direction: "in" | "out";
  seq: Generated<number>;
  created_at: Timestamp;
};

export type CaseAttachmentsTable = {
  id: string;
  /** insertion order (migration 0009) */
  seq: Generated<number>;
  organisation_id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: Timestamp;
};

export type AuditLogTable = {
  id: Generated<number>;
  organisation_id: string;
  agent_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  created_at: Timestamp;
};

export interface Database {
  teams: TeamsTable;
  team_members: TeamMembersTable;
  case_reference_counters: CaseReferenceCountersTable;
  cases: CasesTable;
  case_messages: CaseMessagesTable;
  case_email_ids: CaseEmailIdsTable;
  case_attachments: CaseAttachmentsTable;
  audit_log: AuditLogTable;
}
// ---- end of cases ----------------------------------------------------------------------------------

// ---- OpenID Connect (migrations/0006_agent_oidc.sql) ---------------------------------------------
/** Columns added to `agents` (joined into AgentsTable above): the provider identity, both or neither. */
export type AgentOidcColumns = {
  oidc_issuer: string | null;
  oidc_subject: string | null;
};
// ---- end of OpenID Connect -------------------------------------------------------------------------

// ---- Citizen desk: API keys, public form limits, contact confirmations (migration 0007) -----------
export type ApiKeysTable = {
  id: string;
  organisation_id: string;
  name: string;
  key_hash: string;
  created_at: Timestamp;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type PublicFormHitsTable = {
  bucket: string;
  key: string;
  hit_at: Timestamp;
};

export type ContactConfirmationsTable = {
  organisation_id: string;
  submission_key: string;
  sealed_token: string;
  created_at: Timestamp;
};

export interface Database {
  api_keys: ApiKeysTable;
  public_form_hits: PublicFormHitsTable;
  contact_confirmations: ContactConfirmationsTable;
}
// ---- end citizen desk ------------------------------------------------------------------------------

// ---- agents' desk: saved answer templates (migration 0008) ----------------------------------------
export type AnswerTemplatesTable = {
  id: string;
  organisation_id: string;
  title: string;
  body: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export interface Database {
  answer_templates: AnswerTemplatesTable;
}
// ---- end of agents' desk ---------------------------------------------------------------------------

// ---- Assistant: conversations (migrations/0010_assistant.sql) -----------------------------------
type ConversationOutcomeColumn = "none" | "answered" | "clarified" | "handed_off" | "unanswered";

export type ConversationsTable = {
  id: string;
  organisation_id: string;
  channel: "web" | "widget" | "voice" | "phone";
  state: Json<Record<string, unknown>>;
  outcome: ColumnType<
    ConversationOutcomeColumn,
    ConversationOutcomeColumn | undefined,
    ConversationOutcomeColumn
  >;
  helpful: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  turns: ColumnType<number, number | undefined, number>;
  started_at: Timestamp;
  last_activity_at: Timestamp;
  /** The first page the assistant answered from (migrations/0015_activity_rollups.sql). */
  topic: ColumnType<string | null, string | null | undefined, string | null>;
};

export type ConversationMessagesTable = {
  id: string;
  organisation_id: string;
  conversation_id: string;
  position: number;
  author: "citizen" | "assistant" | "agent";
  kind: string;
  text: string;
  payload: Json<Record<string, unknown>>;
  helpful: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  created_at: Timestamp;
};

export type UnansweredQuestionsTable = {
  id: string;
  organisation_id: string;
  conversation_id: string | null;
  question: string;
  terms: string[];
  reason: "no_match" | "not_helpful";
  created_at: Timestamp;
  handled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  local_item_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type AgentPresenceTable = { organisation_id: string; agent_id: string; seen_at: Timestamp };

export interface Database {
  agent_presence: AgentPresenceTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  unanswered_questions: UnansweredQuestionsTable;
}
// ---- end of assistant ------------------------------------------------------------------------------

// ---- periodic tasks (migration 0009) ----------------------------------------------------------------
export type ScheduledTasksTable = {
  name: string;
  last_started_at: Timestamp;
  last_finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_outcome: "ok" | "failed" | null;
  last_report: ColumnType<Record<string, unknown>, string | undefined, string>;
  last_error: string | null;
};

export interface Database {
  scheduled_tasks: ScheduledTasksTable;
}
// ---- end of periodic tasks ---------------------------------------------------------------------------

// ---- Feedback (migrations/0011_feedback.sql) ----------------------------------------------------
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
export type FeedbackKind = "jdma" | "epic" | "csat" | "nps" | "custom";
export type FeedbackChannel = "web" | "email" | "chat" | "phone" | "counter";

export type QuestionnairesTable = {
  id: string;
  organisation_id: string;
  slug: string;
  kind: FeedbackKind;
  title: string;
  status: ColumnType<"draft" | "published" | "archived", "draft" | "published" | "archived" | undefined>;
  current_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type QuestionnaireVersionsTable = {
  organisation_id: string;
  questionnaire_id: string;
  version: number;
  definition: Json<Record<string, unknown>>;
  created_at: Timestamp;
  created_by: Nullable<string>;
};

export type FeedbackInvitationsTable = {
  id: string;
  organisation_id: string;
  token_hash: string;
  questionnaire_id: string;
  channel: string;
  topic: Nullable<string>;
  case_id: Nullable<string>;
  conversation_id: Nullable<string>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Nullable<Date>;
};

export type FeedbackAnswersTable = {
  id: string;
  organisation_id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  topic: Nullable<string>;
  case_id: Nullable<string>;
  conversation_id: Nullable<string>;
  invitation_id: Nullable<string>;
  submission_key: Nullable<string>;
  submitted_at: Timestamp;
  answers: Json<Record<string, unknown>>;
  satisfaction: Nullable<number>;
  clarity: Nullable<number>;
  help_sought: Nullable<string[]>;
  autonomous: Nullable<boolean>;
  help_tried: Nullable<number>;
  help_reached: Nullable<number>;
  help_quality: Nullable<number>;
  csat: Nullable<number>;
  nps: Nullable<number>;
  verbatim: Nullable<string>;
  sentiment: Nullable<number>;
  verbatim_topics: Nullable<string[]>;
  contact_email: Nullable<string>;
};

type Counter = ColumnType<number, number | undefined, number>;
export type FeedbackDailyTable = {
  organisation_id: string;
  day: ColumnType<string, string, string>;
  kind: string;
  channel: string;
  topic: ColumnType<string, string | undefined, string>;
  answers: Counter;
  satisfaction_n: Counter;
  satisfaction_sum: Counter;
  satisfied_n: Counter;
  dissatisfied_n: Counter;
  clarity_n: Counter;
  clarity_sum: Counter;
  autonomy_n: Counter;
  autonomous_n: Counter;
  help_tried_sum: Counter;
  help_reached_sum: Counter;
  help_quality_n: Counter;
  help_quality_sum: Counter;
  csat_n: Counter;
  csat_sum: Counter;
  nps_n: Counter;
  nps_promoters: Counter;
  nps_detractors: Counter;
  sentiment_n: Counter;
  sentiment_sum: Counter;
};

export interface Database {
  questionnaires: QuestionnairesTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  feedback_invitations: FeedbackInvitationsTable;
  feedback_answers: FeedbackAnswersTable;
  feedback_daily: FeedbackDailyTable;
}
// ---- end of feedback -------------------------------------------------------------------------------

// ---- Testimonials, suggestions, improvement actions (migrations/0012_testimonials_and_actions.sql) ----
type MaybeDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type MaybeText = ColumnType<string | null, string | null | undefined, string | null>;
export type TestimonialChannel =
  | "guichet"
  | "telephone"
  | "courriel"
  | "site"
  | "courrier"
  | "chat"
  | "autre";
export type TestimonialFeeling = "satisfait" | "mitige" | "mecontent";
export type TestimonialStatus = "a_moderer" | "approuve" | "rejete" | "publie";
export type SuggestionStatus = "nouvelle" | "retenue" | "classee";
export type ImprovementActionStatus = "envisagee" | "en_cours" | "realisee" | "abandonnee";

export type TestimonialsTable = {
  id: string;
  organisation_id: string;
  submission_key: MaybeText;
  channel: TestimonialChannel;
  title: string;
  story: string;
  feeling: TestimonialFeeling;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<TestimonialStatus, TestimonialStatus | undefined, TestimonialStatus>;
  flagged_words: ColumnType<string[], string[] | undefined, string[]>;
  notify_email: MaybeText;
  rejection_reason: MaybeText;
  moderated_by: MaybeText;
  moderated_at: MaybeDate;
  reply_draft: MaybeText;
  reply_drafted_by: MaybeText;
  reply_drafted_at: MaybeDate;
  reply: MaybeText;
  reply_validated_by: MaybeText;
  reply_validated_at: MaybeDate;
  published_at: MaybeDate;
  improvement_action_id: MaybeText;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SuggestionsTable = {
  id: string;
  organisation_id: string;
  submission_key: MaybeText;
  topic: MaybeText;
  body: string;
  status: ColumnType<SuggestionStatus, SuggestionStatus | undefined, SuggestionStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ImprovementActionsTable = {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  status: ColumnType<ImprovementActionStatus, ImprovementActionStatus | undefined, ImprovementActionStatus>;
  outcome: ColumnType<string, string | undefined, string>;
  owner_id: MaybeText;
  created_by: MaybeText;
  started_at: MaybeDate;
  realised_at: MaybeDate;
  abandoned_at: MaybeDate;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ImprovementActionSourcesTable = {
  id: string;
  organisation_id: string;
  action_id: string;
  kind: "testimonial" | "suggestion" | "reference";
  testimonial_id: MaybeText;
  suggestion_id: MaybeText;
  reference: MaybeText;
  quote: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
};

export interface Database {
  testimonials: TestimonialsTable;
  suggestions: SuggestionsTable;
  improvement_actions: ImprovementActionsTable;
  improvement_action_sources: ImprovementActionSourcesTable;
}
// ---- end of testimonials and actions ------------------------------------------------------------------

// ---- Service commitments (migrations/0014_service_commitments.sql) ------------------------------------
/** first_reply, resolution: measured on cases (SLA clock); agent_answer: on phone calls (migration 0020). */
export type CommitmentMeasure = "first_reply" | "resolution" | "agent_answer";
export type CommitmentDelayUnit = "business_days" | "business_hours";

export type ServiceCommitmentsTable = {
  id: string;
  organisation_id: string;
  label: string;
  measure: CommitmentMeasure;
  channel: ColumnType<CasesTable["channel"] | null, CasesTable["channel"] | null | undefined>;
  /** Migration 0020: the procedure, "F1342" or "local:<uuid>"; null: every procedure. */
  topic: ColumnType<string | null, string | null | undefined, string | null>;
  /** null only for agent_answer (a target share, no delay). */
  delay_unit: CommitmentDelayUnit | null;
  delay_amount: number | null;
  /** numeric(4,3): the drivers return it as a string ("0.850"). */
  target_share: ColumnType<string, number | string, number | string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** The SLA clock columns of `cases` (migration 0014), joined to CasesTable above. */
export type CaseSlaColumns = {
  commitment_id: ColumnType<string | null, string | null | undefined, string | null>;
  due_at: NullableTimestamp;
  /** null while the clock runs; true/false once it stopped. */
  sla_met: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
};

export interface Database {
  service_commitments: ServiceCommitmentsTable;
}
// ---- end of service commitments -----------------------------------------------------------------------

// ---- Activity rollups (migrations/0015_activity_rollups.sql) -------------------------------------
type StatsSource = "case" | "conversation";
/** A Paris calendar day, "2026-03-31" (PostgreSQL date, read back as a string). */
type Day = ColumnType<string, string, string>;

export interface Database {
  stats_arrivals: {
    organisation_id: string;
    day: Day;
    hour: number;
    source: StatsSource;
    channel: string;
    count: number;
  };
  stats_topics: {
    organisation_id: string;
    day: Day;
    source: StatsSource;
    channel: string;
    topic: string;
    received: number;
    answered: number;
  };
  stats_sla: { organisation_id: string; day: Day; commitment_id: string; measured: number; met: number };
  stats_status_time: {
    organisation_id: string;
    day: Day;
    topic: string;
    status: string;
    transitions: number;
    seconds: number;
  };
  stats_conversations: {
    organisation_id: string;
    day: Day;
    channel: string;
    outcome: string;
    helpful: "yes" | "no" | "none";
    handed_off: boolean;
    count: number;
  };
  stats_refreshes: { organisation_id: string; refreshed_at: Timestamp; first_day: Day; last_day: Day };
  /** migrations/0017_call_rollups.sql */
  stats_calls: { organisation_id: string; day: Day; outcome: string; count: number };
}

// ---- Voice: phone calls (migrations/0018_calls.sql) ----------------------------------------------
export type CallProvider = "twilio" | "audiosocket" | "browser";
export type CallOutcome = "assistant" | "transferred" | "callback" | "abandoned" | "failed";
type CallTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CallCounter = ColumnType<number, number | undefined, number>;

export type CallsTable = {
  id: string;
  organisation_id: string;
  provider: CallProvider;
  provider_call_id: string;
  caller_hash: ColumnType<string | null, string | null | undefined, string | null>;
  started_at: Timestamp;
  answered_at: CallTime;
  ended_at: CallTime;
  state: Json<Record<string, unknown>>;
  path: ColumnType<Record<string, unknown>[], string | undefined, string>;
  outcome: ColumnType<CallOutcome | null, CallOutcome | null | undefined, CallOutcome | null>;
  conversation_id: ColumnType<string | null, string | null | undefined, string | null>;
  case_id: ColumnType<string | null, string | null | undefined, string | null>;
  turns: CallCounter;
  turn_ms_total: CallCounter;
  turn_ms_max: CallCounter;
  first_audio_ms: ColumnType<number | null, number | null | undefined, number | null>;
  /** migrations/0019_call_recordings.sql: null = not asked. */
  recording_consent: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The provider's reference to the audio (never the audio); null once purged. */
  recording_ref: ColumnType<string | null, string | null | undefined, string | null>;
  recorded_at: CallTime;
};

export interface Database {
  calls: CallsTable;
}
// ---- end of voice ------------------------------------------------------------------------------------

// ---- Published results (migrations/0016_results_publications.sql) -----------------------------------
export type ResultsPublicationStatus = "draft" | "published" | "withdrawn";

export type ResultsPublicationsTable = {
  id: string;
  organisation_id: string;
  /** Paris calendar days, both included ("2026-03-01"). */
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  status: ResultsPublicationStatus;
  /** A ResultsSnapshot (src/domains/commitments/results/results-snapshot.ts), checked when read. */
  snapshot: Json<unknown>;
  created_at: Timestamp;
  created_by: string | null;
  published_at: NullableTimestamp;
  published_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
};

export interface Database {
  results_publications: ResultsPublicationsTable;
}
// ---- end of published results ------------------------------------------------------------------------
