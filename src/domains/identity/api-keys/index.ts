export { type ApiKeyInfo, looksLikeApiKey } from "./api-key.ts";
export {
  API_KEY_INVALID_MESSAGE,
  API_KEY_REQUIRED_MESSAGE,
  type ApiCaller,
  authenticateApiKey,
} from "./authenticate-api-key.ts";
export { API_KEY_NAME_MESSAGE, createApiKey } from "./create-api-key.ts";
export { API_KEY_NOT_FOUND_MESSAGE, getApiKey } from "./get-api-key.ts";
export { listApiKeys } from "./list-api-keys.ts";
export { revokeApiKey } from "./revoke-api-key.ts";
