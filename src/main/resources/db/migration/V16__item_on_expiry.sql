-- What residents still see of an item once it expires: 'archive' (the archive keeps it) or 'remove'.
ALTER TABLE item ADD COLUMN on_expiry VARCHAR(10) DEFAULT 'ARCHIVE' NOT NULL;
