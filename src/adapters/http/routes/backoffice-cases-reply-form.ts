/**
 * The case page's reply form is multipart (documents for the citizen). The back office checks its CSRF
 * token before the handler runs, from the body: so here, in preValidation, the parts are read into a
 * body of strings — what a urlencoded form gives — and the files are kept aside for the handler.
 * Limits are the citizens' (the use case judges count, size and type on content and answers in French):
 * the parser only stops reading a file one byte past the size limit, and keeps one file past the count
 * limit, so the refusal is the use case's, shown next to the field with the typed text kept.
 */
import { finished } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  type IncomingAttachment,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from "../../../domains/cases/index.ts";
import { AppError } from "../../../shared/app-error.ts";

/** Beyond this many file parts the request itself is refused (no browser sends that many by mistake). */
const MAX_FILE_PARTS = 20;
const MAX_FIELDS = 20;
/** Well above the longest reply the use case accepts, which then refuses it with its own message. */
const MAX_FIELD_BYTES = 200 * 1024;

export const REPLY_FORM_TOO_LARGE_MESSAGE = `Trop de fichiers envoyés : ${MAX_ATTACHMENTS_PER_MESSAGE} au plus par réponse. Rien n'a été enregistré ; recommencez avec moins de fichiers.`;

const replyFiles = new WeakMap<FastifyRequest, IncomingAttachment[]>();

/** The files chosen in the reply form (none for a urlencoded post). */
export function replyFilesOf(request: FastifyRequest): IncomingAttachment[] {
  return replyFiles.get(request) ?? [];
}

/** Call inside the encapsulated scope that holds the reply route only. */
export async function registerReplyFormParser(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_ATTACHMENT_BYTES + 1,
      files: MAX_FILE_PARTS,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_FILE_PARTS + MAX_FIELDS,
    },
  });
  scope.addHook("preValidation", async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    const files: IncomingAttachment[] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === "field") {
          if (typeof part.value === "string" && !(part.fieldname in fields))
            fields[part.fieldname] = part.value;
          continue;
        }
        if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
          part.file.resume();
          await finished(part.file);
          continue;
        }
        const content = await part.toBuffer();
        // A file input left empty still sends a part, with no name and no bytes.
        if (part.filename === "" && content.length === 0) continue;
        files.push({ filename: part.filename, contentType: part.mimetype, content });
      }
    } catch (error) {
      if ((error as { statusCode?: number } | null)?.statusCode !== 413) throw error;
      throw new AppError("PAYLOAD_TOO_LARGE", {
        message: `reply form over parser limits: ${(error as Error).message}`,
        userMessage: REPLY_FORM_TOO_LARGE_MESSAGE,
      });
    }
    request.body = fields;
    replyFiles.set(request, files);
  });
}
