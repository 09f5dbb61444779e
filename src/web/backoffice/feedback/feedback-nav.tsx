import { ACTIONS_PATH, MODERATION_PATH, SUGGESTIONS_PATH } from "./paths.ts";

/** Links between the three feedback screens. */
export function FeedbackNav(props: { current: string }) {
  const links: [string, string][] = [
    [MODERATION_PATH, "Témoignages à modérer"],
    [ACTIONS_PATH, "Actions d'amélioration"],
    [SUGGESTIONS_PATH, "Boîte à idées"],
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
