/**
 * Entry of /widget.js, the assistant for a town's own website:
 *   <script src="https://guichet.ville.fr/widget.js" defer></script>
 * adds a "Poser une question" launcher; a <guichet-assistant></guichet-assistant> element placed in a
 * page shows the chat inline instead. Everything lives in a shadow root with its own styles, so the
 * town's CSS and the widget's never touch. The Guichet address is the folder this script came from.
 */
import { render } from "preact";
import { AssistantApp, type AssistantMode } from "./assistant-app.tsx";
import { createChatClient } from "./chat-client.ts";
import { createSessionStore } from "./session-store.ts";
import css from "./widget.css";

const TAG = "guichet-assistant";

function guichetBaseUrl(): string {
  // currentScript is only set while this script runs, hence read at load time.
  const script = document.currentScript as HTMLScriptElement | null;
  const src = script?.src || document.querySelector<HTMLScriptElement>('script[src*="widget.js"]')?.src;
  return new URL(".", src || location.href).href;
}

const baseUrl = guichetBaseUrl();
let sharedSheet: CSSStyleSheet | undefined;

/** A constructed stylesheet passes the strict CSP of sites that forbid inline <style>. */
function styleShadowRoot(root: ShadowRoot): void {
  if (
    "adoptedStyleSheets" in root &&
    typeof CSSStyleSheet === "function" &&
    "replaceSync" in CSSStyleSheet.prototype
  ) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = css;
  root.append(style);
}

class GuichetAssistantElement extends HTMLElement {
  private mountPoint: HTMLDivElement | undefined;

  connectedCallback(): void {
    if (!this.mountPoint) {
      const root = this.attachShadow({ mode: "open" });
      styleShadowRoot(root);
      this.mountPoint = document.createElement("div");
      root.append(this.mountPoint);
    }
    const mode: AssistantMode = this.getAttribute("mode") === "launcher" ? "launcher" : "inline";
    render(
      <AssistantApp mode={mode} client={createChatClient(baseUrl)} store={createSessionStore(baseUrl)} />,
      this.mountPoint,
    );
  }

  disconnectedCallback(): void {
    // Closes the live stream of agents' replies when a page removes the element.
    if (this.mountPoint) render(null, this.mountPoint);
  }
}

function addLauncher(): void {
  if (document.querySelector(TAG)) return;
  const launcher = document.createElement(TAG);
  launcher.setAttribute("mode", "launcher");
  document.body.append(launcher);
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, GuichetAssistantElement);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addLauncher);
  else addLauncher();
}
