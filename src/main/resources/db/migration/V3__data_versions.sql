-- One counter per kind of data, raised by every statement that changes it (API, imports, plain SQL),
-- so cached analyses can tell with one small read whether they are still true.
CREATE TABLE data_version (
    subject varchar(16) PRIMARY KEY,
    version bigint NOT NULL
);
INSERT INTO data_version (subject, version) VALUES ('institutions', 0), ('population', 0), ('areas', 0);

CREATE FUNCTION raise_data_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE subject = TG_ARGV[0];
    RETURN NULL;
END
$$;

CREATE TRIGGER institution_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution
    FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('institutions');
CREATE TRIGGER class_group_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON class_group
    FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('institutions');
CREATE TRIGGER population_cell_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_cell
    FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('population');
CREATE TRIGGER area_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
    FOR EACH STATEMENT EXECUTE FUNCTION raise_data_version('areas');
