import { QUESTIONNAIRES_PATH } from "../questionnaires/labels.ts";
import { ACTIONS_PATH, MODERATION_PATH, SUGGESTIONS_PATH } from "./paths.ts";

/** Links between the feedback screens (questionnaires: administrators only). */
export function FeedbackNav(props: { current: string; roles: readonly string[] | undefined }) {
  const links: [string, string][] = [
    [MODERATION_PATH, "Témoignages à modérer"],
    [ACTIONS_PATH, "Actions d'amélioration"],
    [SUGGESTIONS_PATH, "Boîte à idées"],
    ...(props.roles?.includes("admin") ? [[QUESTIONNAIRES_PATH, "Questionnaires"] as [string, string]] : []),
  ];
  return (
    <nav aria-label="Retours des usagers">
      <ul class="desk-pagination">
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={props.current === href ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
