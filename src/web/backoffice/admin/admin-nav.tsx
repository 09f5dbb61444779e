import { COMMITMENTS_PATH } from "../commitments/labels.ts";
import { ADMIN_AGENTS_PATH, ADMIN_API_KEYS_PATH, ADMIN_TEAMS_PATH } from "./labels.ts";

const LINKS = [
  { key: "agents", href: ADMIN_AGENTS_PATH, label: "Comptes des agents" },
  { key: "equipes", href: ADMIN_TEAMS_PATH, label: "Équipes" },
  { key: "cles-api", href: ADMIN_API_KEYS_PATH, label: "Clés d'API" },
  { key: "engagements", href: COMMITMENTS_PATH, label: "Engagements de service" },
] as const;

/** The administration pages, the current one marked for assistive technologies. */
export function AdminNav(props: { current: (typeof LINKS)[number]["key"] }) {
  return (
    <nav class="desk-back" aria-label="Administration">
      {LINKS.map((link, index) => (
        <>
          {index > 0 ? " · " : null}
          <a href={link.href} aria-current={props.current === link.key ? "page" : undefined}>
            {link.label}
          </a>
        </>
      ))}
    </nav>
  );
}
