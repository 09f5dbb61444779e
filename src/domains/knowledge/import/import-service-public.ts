/**
 * Imports service-public.fr publications (npm package, XML folder or XML zip) into `fiches`.
 * Idempotent: hashes loaded once decide added / updated / unchanged; ids absent from a full
 * source are removed (guarded); rows are written in batches as files stream by, so memory holds
 * one batch, not the whole base. Rows are committed batch by batch (a PGlite server keeps
 * answering between them); the closing step (removals, run record, event, revision) is one
 * transaction.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Clock } from "../../../shared/clock.ts";
import type { RootDb } from "../../../shared/database.ts";
import { recordEvent } from "../../../shared/events.ts";
import { newId } from "../../../shared/ids.ts";
import { deleteFiches, listFicheHashes, setFichesSource } from "../fiches.repo.ts";
import { bumpKnowledgeRevision } from "../knowledge-revision.ts";
import { createFicheWriter } from "./fiche-writer.ts";
import type { ImportProgress, ImportReport } from "./import-report.ts";
import { readPublicationGroup } from "./read-publication.ts";
import { removalNeedsForce } from "./removal-guard.ts";
import { type ImportSource, openFicheSource } from "./sources/open-source.ts";

export type { ImportSource };

export async function importServicePublic(options: {
  db: RootDb;
  organisationId: string;
  source: ImportSource;
  clock: Clock;
  onProgress?: (progress: ImportProgress) => void;
  /** Allows removing more than half of the fiches at once. */
  force?: boolean;
}): Promise<ImportReport> {
  const { db, organisationId, clock } = options;
  const startedAt = clock.now();
  const startedMs = performance.now();
  const source = await openFicheSource(options.source);
  try {
    if (source.total === 0) {
      throw new AppError("BAD_REQUEST", {
        message: `import source holds no publication: ${source.label}`,
        userMessage: `La source « ${source.label} » ne contient aucune fiche service-public.fr : rien n'a été modifié.`,
      });
    }
    const known = await listFicheHashes(db, organisationId);
    if (source.fullSet && !options.force) {
      const announcedRemovals = [...known.keys()].filter((id) => !source.idHints.has(id)).length;
      if (removalNeedsForce({ toRemove: announcedRemovals, existing: known.size })) {
        throw new AppError("CONFLICT", {
          message: `import would remove ${announcedRemovals} of ${known.size} fiches`,
          userMessage: `Cette source retirerait ${announcedRemovals} fiches sur ${known.size} : import refusé par précaution. Vérifiez la source ou relancez avec --force.`,
          details: { toRemove: announcedRemovals, existing: known.size },
        });
      }
    }

    const runId = newId();
    await db
      .insertInto("import_runs")
      .values({
        id: runId,
        organisation_id: organisationId,
        source: source.label,
        started_at: startedAt,
        report: "{}",
      })
      .execute();

    const report: ImportReport = {
      source: source.label,
      added: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      rejected: [],
      ignored: source.ignoredFiles,
      removalRefused: 0,
      durationMs: 0,
    };
    const seen = new Set<string>();
    // Ids whose file was unreadable: a damaged file is not a withdrawal, the stored fiche stays.
    const kept = new Set<string>();
    const writer = createFicheWriter({
      db,
      organisationId,
      source: source.label,
      now: startedAt,
      onWritten: (outcomes) => {
        for (const outcome of outcomes) {
          if (outcome.error) {
            kept.add(outcome.row.id);
            report.rejected.push({ file: outcome.file, reason: `refusée par la base : ${outcome.error}` });
          } else if (known.has(outcome.row.id)) report.updated++;
          else report.added++;
        }
      },
    });

    let done = 0;
    for await (const group of source.groups()) {
      const result = await readPublicationGroup(group);
      report.rejected.push(...result.rejected);
      report.ignored += result.ignored;
      if (result.rejected.length > 0 && group.idHint) kept.add(group.idHint);
      const fiche = result.fiche;
      if (fiche && result.file) {
        if (seen.has(fiche.id)) {
          report.rejected.push({
            file: result.file,
            reason: `${fiche.id} : identifiant déjà lu dans un autre fichier`,
          });
        } else {
          seen.add(fiche.id);
          if (known.get(fiche.id) === fiche.contentHash) report.unchanged++;
          else await writer.add(fiche.toRow(), result.file);
        }
      }
      done++;
      options.onProgress?.({ done, total: source.total });
    }
    await writer.flush();

    let toRemove: string[] = [];
    if (source.fullSet && seen.size > 0) {
      toRemove = [...known.keys()].filter((id) => !seen.has(id) && !kept.has(id));
      if (!options.force && removalNeedsForce({ toRemove: toRemove.length, existing: known.size })) {
        report.removalRefused = toRemove.length;
        toRemove = [];
      }
    }

    await db.transaction().execute(async (trx) => {
      await deleteFiches(trx, { organisationId, ids: toRemove });
      await setFichesSource(trx, { organisationId, source: source.label, ids: [...seen] });
      report.removed = toRemove.length;
      report.durationMs = Math.round(performance.now() - startedMs);
      await trx
        .updateTable("import_runs")
        .set({ finished_at: clock.now(), report: JSON.stringify(report) })
        .where("id", "=", runId)
        .execute();
      await recordEvent(trx, {
        organisationId,
        entityType: "knowledge_import",
        entityId: runId,
        action: "completed",
        data: {
          source: source.label,
          added: report.added,
          updated: report.updated,
          unchanged: report.unchanged,
          removed: report.removed,
          rejected: report.rejected.length,
          removalRefused: report.removalRefused,
        },
      });
      // Unchanged content must not make every process rebuild its search index.
      if (report.added + report.updated + report.removed > 0)
        await bumpKnowledgeRevision(trx, organisationId);
    });
    return report;
  } finally {
    await source.close();
  }
}
