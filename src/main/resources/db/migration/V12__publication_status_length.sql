-- AWAITING_CONFIRMATION has 21 characters: the status column was too short for it.
ALTER TABLE publication ALTER COLUMN status SET DATA TYPE VARCHAR(30);
