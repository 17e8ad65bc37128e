-- Files derived from the data (the population cells' snapshot and their links to the network) are
-- named by the data versions; the counters start again when the database is created anew, so the
-- names carry this number too, drawn once per database.
INSERT INTO data_version (subject, version) VALUES ('epoch', floor(random() * 1e15)::bigint);
