-- Recordings of the part of a call with an agent (VOICE_RECORDINGS=on, off by default). Only with the
-- caller's consent, asked just before the transfer; the audio itself stays at the telephony provider:
-- a call row holds the provider's reference to it (its URL or id), never the audio. The reference is
-- cleared after RETENTION_RECORDINGS_DAYS by a scheduled task; deleting the audio at the provider is
-- the operator's job (README, « Conservation des données »).

-- null: not asked (recordings off, or no transfer); true / false: the caller's answer
ALTER TABLE calls ADD COLUMN recording_consent boolean;
-- the provider's reference (Twilio: RecordingUrl, else RecordingSid); null once purged
ALTER TABLE calls ADD COLUMN recording_ref text CHECK (length(recording_ref) BETWEEN 1 AND 500);
-- when the provider reported the recording; kept after the purge (a count, not the audio)
ALTER TABLE calls ADD COLUMN recorded_at timestamptz;

-- The purge reads the references past the retention.
CREATE INDEX calls_recordings_idx ON calls (organisation_id, recorded_at) WHERE recording_ref IS NOT NULL;
