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
};

export type SessionsTable = {
  sid: string;
  data: Json<Record<string, unknown>>;
  expires_at: Timestamp;
};

export type LoginAttemptsTable = {
  key: string;
  attempted_at: Timestamp;
};

export type Database = {
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
};

/** A database handle or an open transaction: every repository function accepts either. */
export type Db = Kysely<Database> | Transaction<Database>;
export type RootDb = Kysely<Database>;
