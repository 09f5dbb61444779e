import { ADMIN_AGENTS_PATH, ADMIN_TEAMS_PATH } from "./labels.ts";

/** The two administration pages, the current one marked for assistive technologies. */
export function AdminNav(props: { current: "agents" | "equipes" }) {
  return (
    <nav class="desk-back" aria-label="Administration">
      <a href={ADMIN_AGENTS_PATH} aria-current={props.current === "agents" ? "page" : undefined}>
        Comptes des agents
      </a>
      {" · "}
      <a href={ADMIN_TEAMS_PATH} aria-current={props.current === "equipes" ? "page" : undefined}>
        Équipes
      </a>
    </nav>
  );
}
