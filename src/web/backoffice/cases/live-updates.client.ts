/**
 * Runs in the agent's browser (served as /admin/scripts/demandes-en-direct.js, compiled by esbuild).
 * - Live notice: listens to /admin/evenements and writes a polite notice ("Nouveau message —
 *   actualiser") into the page's aria-live region. It never moves focus nor reloads by itself: the
 *   agent may be typing a reply.
 * - Answer templates: choosing one fills the reply box (the "Utiliser ce modèle" button does the same
 *   without JavaScript).
 * The project compiles without the DOM library, so the few browser types used are declared here.
 */

type PageElement = {
  textContent: string | null;
  value: string;
  hidden: boolean;
  dataset: Record<string, string | undefined>;
  selectedOptions?: ArrayLike<PageElement>;
  append(...nodes: (PageElement | string)[]): void;
  replaceChildren(...nodes: (PageElement | string)[]): void;
  setAttribute(name: string, value: string): void;
  addEventListener(type: string, listener: () => void): void;
};
type Browser = {
  document: {
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
    createElement(tag: string): PageElement & { href: string };
  };
  location: { href: string };
  EventSource?: new (
    url: string,
  ) => { addEventListener(type: string, listener: (event: { data: string }) => void): void };
};

const browser = globalThis as unknown as Browser;
const page = browser.document;

type DeskEvent = { caseId: string; kind: "opened" | "message" | "updated" };

function noticeText(event: DeskEvent, openCaseId: string | undefined): string | null {
  if (openCaseId) {
    if (event.caseId !== openCaseId) return null;
    return event.kind === "message"
      ? "Nouveau message sur cette demande."
      : "Cette demande a été modifiée par ailleurs.";
  }
  if (event.kind === "opened") return "Nouvelle demande arrivée.";
  if (event.kind === "message") return "Nouveau message sur une demande.";
  return "Des demandes ont été modifiées.";
}

function startLiveNotice(): void {
  const region = page.getElementById("desk-live-notice");
  const url = region?.dataset.eventsUrl;
  if (!region || !url || !browser.EventSource) return;
  const openCaseId = region.dataset.caseId || undefined;
  let shown = "";
  const source = new browser.EventSource(url);
  // Marks the region once the server listens, so a test (or a curious agent) can tell.
  source.addEventListener("pret", () => region.setAttribute("data-etat", "connecte"));
  source.addEventListener("demande", (message) => {
    let event: DeskEvent;
    try {
      event = JSON.parse(message.data) as DeskEvent;
    } catch {
      return;
    }
    const text = noticeText(event, openCaseId);
    // The same sentence again would not be announced, and would only add noise.
    if (!text || text === shown) return;
    shown = text;
    const paragraph = page.createElement("p");
    const link = page.createElement("a");
    link.href = browser.location.href;
    link.textContent = "Actualiser la page";
    paragraph.append(`${text} `, link);
    region.replaceChildren(paragraph);
  });
}

function startTemplatePicker(): void {
  const select = page.getElementById("reponse-modele");
  const reply = page.getElementById("reponse-texte");
  if (!select || !reply) return;
  select.addEventListener("change", () => {
    const text = select.selectedOptions?.[0]?.dataset.texte;
    if (text === undefined) return;
    reply.value = reply.value.trim() === "" ? text : `${reply.value.trimEnd()}\n\n${text}`;
  });
}

startLiveNotice();
startTemplatePicker();

// A module, so these declarations stay local to this file.
export {};
