/**
 * Reads a public form posted as multipart (with documents) or urlencoded (no documents, or a browser
 * without the enctype): every field as a string, every chosen file in memory. Nothing is stored
 * here, so a refused upload leaves nothing half-written.
 */
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { IncomingAttachment } from "../../../domains/cases/index.ts";
import { AppError } from "../../../shared/app-error.ts";

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

export type CitizenForm = { fields: Record<string, string>; files: IncomingAttachment[] };

export const TOO_LARGE_MESSAGE =
  "Les documents envoyés sont trop volumineux : 3 fichiers au plus, 10 Mo chacun et 20 Mo au total. Rien n'a été enregistré ; réessayez avec des fichiers plus légers.";

function tooLarge(message: string): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", { message, userMessage: TOO_LARGE_MESSAGE });
}

/** Call once in each encapsulated scope that reads forms with documents. */
export async function registerCitizenMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    limits: {
      fileSize: MAX_FILE_BYTES,
      files: MAX_FILES,
      fields: 30,
      fieldSize: 100 * 1024,
      parts: MAX_FILES + 30,
    },
  });
}

function isStatus413(error: unknown): boolean {
  return (error as { statusCode?: number } | null)?.statusCode === 413;
}

export async function readCitizenForm(request: FastifyRequest): Promise<CitizenForm> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === "string") fields[name] = first;
    }
    return { fields, files: [] };
  }
  const fields: Record<string, string> = {};
  const files: IncomingAttachment[] = [];
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === "field") {
        if (typeof part.value === "string" && !(part.fieldname in fields))
          fields[part.fieldname] = part.value;
        continue;
      }
      const content = await part.toBuffer();
      // A file input left empty still sends a part, with no name and no bytes.
      if (part.filename === "" && content.length === 0) continue;
      total += content.length;
      if (total > MAX_TOTAL_BYTES) throw tooLarge("multipart total over limit");
      files.push({ filename: part.filename, contentType: part.mimetype, content });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isStatus413(error)) throw tooLarge((error as Error).message);
    throw error;
  }
  return { fields, files };
}
