/**
 * Creates a back-office account:
 *   npm run agent:create -- --email marie@mairie.fr --name "Marie Durand" --role editor
 * The password is asked without echo on a terminal, or read from the first line of stdin
 * (`… < fichier`), never from the command line where it would stay in the shell history.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { AGENT_ROLES, createAgent, isAgentRole } from "../domains/identity/index.ts";
import { systemClock } from "../shared/clock.ts";
import { runCli, withCliDatabase } from "./cli-runner.ts";

const USAGE =
  'Usage : npm run agent:create -- --email adresse@mairie.fr --name "Prénom Nom" --role editor [--role admin]';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("interrompu"));
          return;
        }
        value = char === "\u007f" ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await readHidden("Mot de passe : ");
  const second = await readHidden("Confirmez le mot de passe : ");
  if (first !== second) throw new ConfigError("Les deux mots de passe ne correspondent pas.");
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
    },
  });
  const roles = values.role ?? ["editor"];
  if (!values.email || !values.name || !roles.every(isAgentRole)) {
    console.error(USAGE);
    console.error(`Rôles possibles : ${AGENT_ROLES.join(", ")}.`);
    return 2;
  }
  const { email, name } = values;
  const config = loadConfig();
  const password = await readPassword();
  return withCliDatabase(config, async ({ db, organisation }) => {
    const agent = await createAgent(db, {
      organisationId: organisation.id,
      email,
      displayName: name,
      roles: roles.filter(isAgentRole),
      password,
      clock: systemClock,
    });
    console.log(`Compte créé pour ${agent.email} (rôles : ${agent.roles.join(", ")}).`);
    return 0;
  });
}

runCli(main);
