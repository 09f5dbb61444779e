/**
 * A citizen's request about their data (RGPD: right of access, right to erasure), for an administrator
 * who has checked the requester's identity:
 *   npm run citizen:data -- --email jeanne@exemple.fr                         lists their cases
 *   npm run citizen:data -- --email jeanne@exemple.fr --export donnees.json   everything held, as JSON
 *   npm run citizen:data -- --email jeanne@exemple.fr --erase --confirm       erases it
 *   npm run citizen:data -- --phone 0612345678 [--email …] …                  the same by phone number:
 *     the cases with that contact number, and the calls from it (found by the callers' pseudonym)
 * `--export` and `--erase` together export first, and erase only once the file is written.
 * (package.json: "citizen:data": "tsx src/cli/citizen-data.ts")
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { eraseCitizenData, exportCitizenData, findCitizenCases } from "../domains/cases/index.ts";
import type { Organisation } from "../domains/identity/index.ts";
import { type Clock, systemClock } from "../shared/clock.ts";
import type { RootDb } from "../shared/database.ts";
import { runCli, withCliDatabase } from "./cli-runner.ts";

export const USAGE =
  "Usage : npm run citizen:data -- --email adresse@exemple.fr | --phone 0612345678 (l'un, l'autre ou les deux) [--export fichier.json | --export -] [--erase --confirm]";

export type CitizenDataContext = {
  db: RootDb;
  organisation: Organisation;
  clock: Clock;
  /** Messages for the administrator (stderr when the export goes to stdout). */
  say: (line: string) => void;
  /** Where `--export -` writes. */
  stdout: (text: string) => void;
};

export async function citizenDataCommand(args: string[], context: CitizenDataContext): Promise<number> {
  let values: { email?: string; phone?: string; export?: string; erase?: boolean; confirm?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        phone: { type: "string" },
        export: { type: "string" },
        erase: { type: "boolean" },
        confirm: { type: "boolean" },
      },
    }));
  } catch {
    context.say(USAGE);
    return 2;
  }
  const email = values.email?.trim() || undefined;
  const phone = values.phone?.trim() || undefined;
  const badEmail = email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email);
  const badPhone = phone !== undefined && !/^\+?[0-9][0-9 .()-]{5,24}$/.test(phone);
  if ((!email && !phone) || badEmail || badPhone) {
    context.say(USAGE);
    return 2;
  }
  const organisationId = context.organisation.id;
  const who = { email, phone };
  const named = [email ? `l'adresse ${email}` : "", phone ? `le numéro ${phone}` : ""]
    .filter(Boolean)
    .join(" ou ");
  const cases = await findCitizenCases(context.db, { organisationId, ...who });
  context.say(
    cases.length === 0
      ? `Aucune demande avec ${named} (les courriels et les appels sont tout de même traités).`
      : `${cases.length} demande(s) avec ${named} : ${cases.map((c) => c.reference).join(", ")}.`,
  );

  if (values.export !== undefined) {
    const data = await exportCitizenData(context.db, { organisationId, ...who, clock: context.clock });
    const json = `${JSON.stringify(data, null, 2)}\n`;
    if (values.export === "-") context.stdout(json);
    else {
      try {
        // Never over another file, and readable by its owner only: it holds someone's personal data.
        fs.writeFileSync(values.export, json, { flag: "wx", mode: 0o600 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        context.say(
          code === "EEXIST"
            ? `Le fichier ${values.export} existe déjà : choisissez un autre nom. Rien n'a été effacé.`
            : `Impossible d'écrire ${values.export} (${code ?? "erreur"}). Rien n'a été effacé.`,
        );
        return 1;
      }
      context.say(`Données exportées dans ${values.export} (format ${data.format}).`);
    }
  }

  if (values.erase) {
    if (!values.confirm) {
      context.say("L'effacement est définitif : relancez avec --erase --confirm pour effacer.");
      return 1;
    }
    const erased = await eraseCitizenData(context.db, { organisationId, ...who, clock: context.clock });
    context.say(
      `Effacé : ${erased.cases} demande(s) (${erased.messages} message(s) vidé(s), ${erased.attachments} document(s) supprimé(s)), ` +
        `${erased.outboxEmails + erased.otherOutboxEmails} courriel(s) envoyé(s) et ${erased.inboundEmails + erased.otherInboundEmails} reçu(s) supprimé(s), ` +
        `${erased.calls} appel(s) détaché(s) de l'usager.`,
    );
    if (erased.recordings.length > 0)
      context.say(
        `Enregistrements à supprimer chez l'opérateur téléphonique (le guichet n'en garde plus la référence) :\n${erased.recordings.map((ref) => `  ${ref}`).join("\n")}`,
      );
  }
  return 0;
}

const isEntryPoint = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  runCli(async () => {
    const args = process.argv.slice(2);
    const toStdout = args.some((arg, i) => arg === "-" && args[i - 1] === "--export");
    return withCliDatabase(loadConfig(), ({ db, organisation }) =>
      citizenDataCommand(args, {
        db,
        organisation,
        clock: systemClock,
        say: (line) => (toStdout ? console.error(line) : console.log(line)),
        stdout: (text) => process.stdout.write(text),
      }),
    );
  });
}
