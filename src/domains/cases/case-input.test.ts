import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import { checkAttachments, detectContentType, safeFilename } from "./attachment-check.ts";
import { cleanBody, cleanContact, cleanSubject } from "./case-input.ts";
import { caseYear, findReferencesInText, formatCaseReference } from "./case-reference.ts";

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error;
  }
  assert.fail("expected a refusal");
}

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "latin1");
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64)]);

describe("case input checks", () => {
  it("requires a subject of at most 200 characters", () => {
    assert.equal(cleanSubject("  Carte   d'identité \n"), "Carte d'identité");
    const empty = refusal(() => cleanSubject("   "));
    assert.equal(empty.code, "BAD_REQUEST");
    assert.equal(empty.userMessage, "Veuillez indiquer l'objet de votre demande.");
    assert.equal(
      refusal(() => cleanSubject("a".repeat(201))).userMessage,
      "L'objet de la demande ne doit pas dépasser 200 caractères.",
    );
    assert.equal(cleanSubject("a".repeat(200)).length, 200);
  });

  it("keeps the body as plain text, line breaks included, at most 20,000 characters", () => {
    assert.equal(cleanBody("Bonjour,\r\n\r\n<b>merci</b>\u0000"), "Bonjour,\n\n<b>merci</b>");
    assert.equal(refusal(() => cleanBody("")).userMessage, "Veuillez écrire votre message.");
    assert.match(
      refusal(() => cleanBody("x".repeat(20_001))).userMessage,
      /ne doit pas dépasser 20\u202f000 caractères/,
    );
  });

  it("needs an e-mail or a phone number, and checks both", () => {
    assert.deepEqual(cleanContact({ name: " Marie ", email: " Marie.Curie@Exemple.FR " }), {
      name: "Marie",
      email: "marie.curie@exemple.fr",
      phone: null,
    });
    assert.deepEqual(cleanContact({ phone: "01 23 45 67 89" }), {
      name: null,
      email: null,
      phone: "01 23 45 67 89",
    });
    const none = refusal(() => cleanContact({ name: "Marie", email: "  " }));
    assert.equal(
      none.userMessage,
      "Indiquez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre.",
    );
    for (const email of ["marie", "marie@", "marie@exemple", "ma rie@exemple.fr", "<a@b.fr>"])
      assert.equal(
        refusal(() => cleanContact({ email })).userMessage,
        "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).",
        email,
      );
    assert.equal(
      refusal(() => cleanContact({ phone: "appelez-moi" })).userMessage,
      "Le numéro de téléphone n'est pas valide (exemple : 01 23 45 67 89).",
    );
  });
});

describe("attachment checks (on content)", () => {
  it("recognises PDF, PNG, JPEG and plain text by their bytes", () => {
    assert.equal(detectContentType(PDF), "application/pdf");
    assert.equal(detectContentType(PNG), "image/png");
    assert.equal(detectContentType(JPEG), "image/jpeg");
    assert.equal(
      detectContentType(Buffer.from("Liste des pièces :\n- justificatif\n", "utf8")),
      "text/plain",
    );
    assert.equal(detectContentType(EXE), null);
    assert.equal(detectContentType(Buffer.from([0xc3, 0x28, 0x41])), null, "invalid UTF-8");
  });

  it("refuses a program named .pdf, whatever type the sender declared", () => {
    const error = refusal(() =>
      checkAttachments([{ filename: "facture.pdf", contentType: "application/pdf", content: EXE }]),
    );
    assert.equal(error.code, "BAD_REQUEST");
    assert.equal(
      error.userMessage,
      "Le fichier « facture.pdf » n'est pas accepté : seuls les documents PDF, les images PNG ou JPEG et les fichiers texte le sont.",
    );
  });

  it("stores the detected type, the size and the SHA-256", () => {
    const [checked] = checkAttachments([
      { filename: "../../etc/photo.pdf", contentType: "application/pdf", content: PNG },
    ]);
    assert.equal(checked?.contentType, "image/png");
    assert.equal(checked?.filename, "photo.pdf");
    assert.equal(checked?.sizeBytes, PNG.length);
    assert.match(checked?.sha256 ?? "", /^[0-9a-f]{64}$/);
  });

  it("limits size (10 MB), count (5) and refuses empty files", () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    assert.equal(
      refusal(() => checkAttachments([{ filename: "scan.txt", content: big }])).userMessage,
      "Le fichier « scan.txt » dépasse la taille maximale de 10 Mo.",
    );
    assert.equal(
      checkAttachments([{ filename: "ok.txt", content: Buffer.alloc(10 * 1024 * 1024, 0x41) }]).length,
      1,
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ filename: `p${i}.pdf`, content: PDF }));
    assert.equal(
      refusal(() => checkAttachments(six)).userMessage,
      "Vous pouvez joindre au plus 5 fichiers par message.",
    );
    assert.equal(checkAttachments(six.slice(0, 5)).length, 5);
    assert.equal(
      refusal(() => checkAttachments([{ filename: "vide.pdf", content: Buffer.alloc(0) }])).userMessage,
      "Le fichier « vide.pdf » est vide.",
    );
  });

  it("makes file names safe to show and to put in a header", () => {
    assert.equal(safeFilename('C:\\Users\\x\\"devis"\u0007.pdf'), "devis.pdf");
    assert.equal(safeFilename("..."), "piece-jointe");
  });
});

describe("references", () => {
  it("formats with 6 digits and finds references in a subject", () => {
    assert.equal(formatCaseReference("GU", 2026, 123), "GU-2026-000123");
    assert.deepEqual(findReferencesInText("RE: [gu-2026-000123] Votre demande (VIL-2025-004567)"), [
      "GU-2026-000123",
      "VIL-2025-004567",
    ]);
    assert.deepEqual(findReferencesInText("XGU-2026-0001234567890 2026-000123"), []);
  });
  it("numbers by the town hall's year (Europe/Paris), not UTC's", () => {
    assert.equal(caseYear(new Date("2026-12-31T23:30:00Z")), 2027);
    assert.equal(caseYear(new Date("2026-12-31T22:30:00Z")), 2026);
  });
});
