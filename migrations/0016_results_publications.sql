-- Published results ("Services Publics +"): the figures of a period computed once from the rollups and
-- the feedback, stored as a snapshot (src/domains/commitments/results/results-snapshot.ts). A manager
-- prepares a draft, checks it, then publishes it: the public page and its CSV/JSON only ever show a
-- published snapshot, never live figures. Publishing again for the same period withdraws the previous one.
CREATE TABLE results_publications (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- Paris calendar days, both included
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  published_at timestamptz,
  published_by uuid,
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  CHECK (period_from <= period_to),
  CHECK (status = 'draft' OR published_at IS NOT NULL),
  CHECK (status <> 'withdrawn' OR withdrawn_at IS NOT NULL)
);
-- At most one published snapshot per period; the public page lists them by period.
CREATE UNIQUE INDEX results_publications_published_key
  ON results_publications (organisation_id, period_to DESC, period_from)
  WHERE status = 'published';
CREATE INDEX results_publications_created_idx ON results_publications (organisation_id, created_at DESC);

-- The figures are what was checked and published: neither they nor their period ever change.
CREATE FUNCTION results_publications_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.period_from <> OLD.period_from
     OR NEW.period_to <> OLD.period_to OR NEW.organisation_id <> OLD.organisation_id THEN
    RAISE EXCEPTION 'results_publications: snapshot and period are frozen' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER results_publications_no_change
  BEFORE UPDATE ON results_publications
  FOR EACH ROW EXECUTE FUNCTION results_publications_frozen();
