import { EVENTS_PATH, LIVE_SCRIPT_PATH } from "./labels.ts";

/**
 * The polite live region the client script fills when the desk changes ("Nouveau message —
 * actualiser"). Present and empty from the start, so screen readers announce what is added to it;
 * focus never moves. Without JavaScript the region simply stays empty.
 */
export function LiveNotice(props: { caseId?: string | undefined }) {
  return (
    <>
      <div
        id="desk-live-notice"
        class="desk-live-notice"
        aria-live="polite"
        data-events-url={EVENTS_PATH}
        data-case-id={props.caseId}
      />
      <script src={LIVE_SCRIPT_PATH} defer />
    </>
  );
}
