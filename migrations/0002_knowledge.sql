-- service-public.fr publications (fiches F…, nodes N…, resources R…), one row per id and organisation.
CREATE TABLE fiches (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('F', 'N', 'R')),
  -- dc:type / Publication@type, e.g. "Fiche d'information", "Question-réponse", "Dossier"
  publication_type text NOT NULL,
  audiences text[] NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  subject text NOT NULL DEFAULT '',
  -- [{ id, title }] from FilDAriane, root first
  breadcrumb jsonb NOT NULL DEFAULT '[]'::jsonb,
  theme_id text,
  parent_id text,
  -- plain text indexed by search (excludes the "Questions ? Réponses !" box and "Voir aussi")
  search_text text NOT NULL DEFAULT '',
  -- the Publication element as an xml-js style tree: { type, name, attributes, children }
  tree jsonb NOT NULL,
  content_hash text NOT NULL,
  source text NOT NULL,
  modified_at date,
  imported_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX fiches_parent_idx ON fiches (organisation_id, parent_id);
CREATE INDEX fiches_theme_idx ON fiches (organisation_id, theme_id);

CREATE TABLE import_runs (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  source text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  -- { added, updated, unchanged, removed, rejected: [{ file, reason }] }
  report jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- The town's own content: procedures ("démarches"), FAQ entries and news posts.
CREATE TABLE local_items (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('procedure', 'faq', 'news')),
  slug text NOT NULL,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  -- plain text with blank-line separated paragraphs and "- " list items
  body text NOT NULL DEFAULT '',
  -- FAQ: other ways citizens ask the same question
  alt_questions text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, kind, slug)
);
CREATE INDEX local_items_list_idx ON local_items (organisation_id, kind, status, published_at DESC);

-- Bumped on every knowledge change, so each app process knows when to rebuild its search index.
CREATE TABLE knowledge_revisions (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  revision bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
