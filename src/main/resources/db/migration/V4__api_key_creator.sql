-- Who created each API key. A key belongs to the organization, but the person who saw its text, once, may leave;
-- removing them names the keys they created that still work, so an admin can revoke them. Keys from before this
-- column, and keys made with `missionctl admin create-api-key`, name no person.
ALTER TABLE api_keys ADD COLUMN created_by TEXT;
