export {
  changeLocalItemStatus,
  PUBLICATION_TRANSITIONS,
  type PublicationAction,
} from "./change-local-item-status.ts";
export { createLocalItem, type LocalItemResult } from "./create-local-item.ts";
export { deleteLocalItem } from "./delete-local-item.ts";
export { type ContentActor, EDITOR_ROLE_REQUIRED_MESSAGE } from "./editor-permission.ts";
export { countAllLocalItems, getLocalItem, listAllLocalItems } from "./get-local-item.ts";
export { type LocalBodyBlock, localBodyText, parseLocalBody } from "./local-body.ts";
export {
  isLocalItemKind,
  LOCAL_ITEM_KINDS,
  type LocalItem,
  type LocalItemKind,
  type PublicationStatus,
} from "./local-item.ts";
export {
  LIMITS as LOCAL_ITEM_LIMITS,
  type LocalItemField,
  type LocalItemForm,
  validateLocalItemForm,
} from "./local-item-input.ts";
export { parisDay, startOfParisDay } from "./publication-date.ts";
export { uniqueSlug } from "./unique-slug.ts";
export { LOCAL_ITEM_NOT_FOUND_MESSAGE, updateLocalItem } from "./update-local-item.ts";
