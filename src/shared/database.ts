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
};

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
