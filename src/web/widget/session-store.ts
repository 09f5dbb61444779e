/**
 * The conversation id and whether the panel was open, kept for the browser tab (sessionStorage), so a
 * page change or reload on the town's site resumes the conversation. Storage may be refused (privacy
 * settings): the widget then simply forgets.
 */

export type SavedWidget = { conversationId: string | null; open: boolean };

export type SessionStore = {
  read(): SavedWidget;
  update(change: Partial<SavedWidget>): void;
};

const EMPTY: SavedWidget = { conversationId: null, open: false };

export function createSessionStore(baseUrl: string): SessionStore {
  const key = `guichet-assistant:${baseUrl}`;
  const read = (): SavedWidget => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? "null") as Partial<SavedWidget> | null;
      return {
        conversationId: typeof saved?.conversationId === "string" ? saved.conversationId : null,
        open: saved?.open === true,
      };
    } catch {
      return EMPTY;
    }
  };
  return {
    read,
    update(change) {
      try {
        sessionStorage.setItem(key, JSON.stringify({ ...read(), ...change }));
      } catch {
        // storage refused: nothing to resume next time
      }
    },
  };
}
