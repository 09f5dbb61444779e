-- An agent who signed in once with OpenID Connect is recognised afterwards by the provider's
-- stable identifier (issuer, subject), even if the e-mail address changes at the provider.
ALTER TABLE agents ADD COLUMN oidc_issuer text;
ALTER TABLE agents ADD COLUMN oidc_subject text;
ALTER TABLE agents ADD CONSTRAINT agents_oidc_pair_check
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
-- One agent per provider identity within an organisation.
CREATE UNIQUE INDEX agents_oidc_identity_idx ON agents (organisation_id, oidc_issuer, oidc_subject)
  WHERE oidc_subject IS NOT NULL;
