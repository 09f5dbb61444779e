import assert from "node:assert/strict";
import { before, it } from "node:test";
import { loadPackageKnowledge, type PackageKnowledge } from "../../../test/helpers/package-knowledge.ts";
import { systemClock } from "../../shared/clock.ts";
import type { AssistantContext } from "./assistant-context.ts";
import { suggestAnswers } from "./suggest-answers.ts";

let knowledge: PackageKnowledge;
before(() => {
  knowledge = loadPackageKnowledge();
});

it("suggests passages that fit a citizen's message, with their source, ready to insert", async () => {
  const context = {
    ...knowledge,
    db: undefined as never,
    clock: systemClock,
    publicUrl: "https://guichet.ville.fr",
  } satisfies AssistantContext;
  const suggestions = await suggestAnswers(context, {
    organisationId: "test",
    text: "Bonjour, j'ai perdu mon passeport pendant les vacances, que dois-je faire pour en avoir un nouveau ? Merci",
  });
  assert.ok(suggestions.length >= 1 && suggestions.length <= 3);
  const first = suggestions[0];
  assert.match(first?.source.title ?? "", /[Pp]asseport/);
  assert.match(first?.source.url ?? "", /^https:\/\/guichet\.ville\.fr\/fiches\/F\d+$/);
  assert.ok((first?.excerpt.split(/\s+/).length ?? 0) <= 90);
  assert.equal(
    first?.insertText,
    `${first?.excerpt}\n\nSource : ${first?.source.title} — ${first?.source.url}`,
  );
  assert.deepEqual(await suggestAnswers(context, { organisationId: "test", text: "   " }), []);
});
