import type { OidcIdentity } from "../../domains/identity/index.ts";

type Claims = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/**
 * The provider identity from the ID token and userinfo claims, userinfo winning. ProConnect sends
 * `usual_name` where other providers send `family_name`.
 */
export function identityFromClaims(options: {
  issuer: string;
  idToken: Claims & { sub: string };
  userinfo: Claims | undefined;
}): OidcIdentity {
  const claims: Claims = { ...options.idToken, ...options.userinfo };
  const given = text(claims.given_name);
  const family = text(claims.family_name) ?? text(claims.usual_name);
  const fullName = [given, family].filter(Boolean).join(" ");
  return {
    issuer: options.issuer,
    subject: options.idToken.sub,
    email: text(claims.email),
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : undefined,
    displayName: fullName || text(claims.name),
  };
}
