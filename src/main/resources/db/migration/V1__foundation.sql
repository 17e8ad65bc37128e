-- Areas, institutions with their class groups, and the population grid. SRID 4326 throughout.
-- Check constraints repeat the service's validation as a last line of defence.

CREATE TABLE area (
    id                bigserial PRIMARY KEY,
    code              varchar(64)  NOT NULL UNIQUE,
    name              varchar(200) NOT NULL,
    level             varchar(16)  NOT NULL CHECK (level IN ('DISTRICT', 'SUBDISTRICT', 'TOWN', 'COMMUNITY')),
    parent_id         bigint REFERENCES area (id),
    boundary          public.geometry(MultiPolygon, 4326) NOT NULL,
    residents         integer CHECK (residents >= 0),
    residents_year    integer,
    source            varchar(200),
    estimated         boolean NOT NULL DEFAULT false,
    estimation_method text
);
CREATE INDEX area_boundary_idx ON area USING gist (boundary);
CREATE INDEX area_parent_idx ON area (parent_id);
CREATE INDEX area_level_idx ON area (level);

CREATE TABLE institution (
    id                bigserial PRIMARY KEY,
    name              varchar(200) NOT NULL,
    address           varchar(500),
    location          public.geometry(Point, 4326) NOT NULL,
    area_id           bigint REFERENCES area (id) ON DELETE SET NULL,
    ownership         varchar(32) NOT NULL CHECK (ownership IN ('PUBLIC', 'PUBLIC_BUILT_PRIVATELY_RUN', 'PRIVATE_PUBLICLY_AIDED', 'PRIVATE')),
    kind              varchar(32) NOT NULL CHECK (kind IN ('STANDALONE', 'KINDERGARTEN_NURSERY', 'EMPLOYER', 'COMMUNITY', 'MEDICAL_CARE', 'FAMILY')),
    inclusive         boolean NOT NULL,
    registered        boolean NOT NULL,
    grade             integer CHECK (grade BETWEEN 1 AND 3),
    demonstration     varchar(16) NOT NULL CHECK (demonstration IN ('NONE', 'MUNICIPAL', 'NATIONAL')),
    open_to_public    boolean NOT NULL,
    status            varchar(24) NOT NULL CHECK (status IN ('OPERATING', 'PLANNED', 'UNDER_CONSTRUCTION', 'CLOSED')),
    external_id       varchar(100) UNIQUE,
    source            varchar(200),
    estimated         boolean NOT NULL DEFAULT false,
    estimation_method text
);
CREATE INDEX institution_location_idx ON institution USING gist (location);
CREATE INDEX institution_area_idx ON institution (area_id);

CREATE TABLE institution_service_mode (
    institution_id bigint NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    service_mode   varchar(16) NOT NULL CHECK (service_mode IN ('FULL_DAY', 'HALF_DAY', 'HOURLY', 'OCCASIONAL')),
    PRIMARY KEY (institution_id, service_mode)
);

CREATE TABLE class_group (
    id             bigserial PRIMARY KEY,
    institution_id bigint NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    age_group      varchar(16) NOT NULL CHECK (age_group IN ('INFANT', 'TODDLER', 'OLDER_TODDLER')),
    classes        integer CHECK (classes >= 0),
    slots          integer NOT NULL CHECK (slots >= 0),
    enrolled       integer NOT NULL CHECK (enrolled >= 0 AND enrolled <= slots),
    UNIQUE (institution_id, age_group)
);

CREATE TABLE population_cell (
    id                bigserial PRIMARY KEY,
    cell_id           varchar(64) NOT NULL UNIQUE,
    boundary          public.geometry(Polygon, 4326) NOT NULL,
    residents         double precision NOT NULL CHECK (residents >= 0),
    children_under3   double precision NOT NULL CHECK (children_under3 >= 0 AND children_under3 <= residents),
    source            varchar(200),
    year              integer,
    estimated         boolean NOT NULL DEFAULT false,
    estimation_method text
);
CREATE INDEX population_cell_boundary_idx ON population_cell USING gist (boundary);

-- An institution belongs to the deepest-level area covering it (the smallest if several of that level
-- overlap), whichever way it or the areas are written: a trigger keeps that true for the API, imports and SQL alike.
CREATE FUNCTION containing_area(point public.geometry) RETURNS bigint
    LANGUAGE sql STABLE AS
$$
SELECT a.id FROM area a
WHERE a.boundary OPERATOR(public.&&) point AND public.ST_Covers(a.boundary, point)
ORDER BY CASE a.level WHEN 'DISTRICT' THEN 0 WHEN 'COMMUNITY' THEN 2 ELSE 1 END DESC, public.ST_Area(a.boundary), a.id
LIMIT 1
$$;

CREATE FUNCTION institution_assign_area() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.area_id := containing_area(NEW.location);
    RETURN NEW;
END
$$;

CREATE TRIGGER institution_area BEFORE INSERT OR UPDATE OF location ON institution
    FOR EACH ROW EXECUTE FUNCTION institution_assign_area();

CREATE FUNCTION area_reassign_institutions() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE institution i SET area_id = containing_area(i.location)
    WHERE (TG_OP <> 'DELETE' AND i.location OPERATOR(public.&&) NEW.boundary AND public.ST_Covers(NEW.boundary, i.location))
       OR (TG_OP <> 'INSERT' AND i.area_id = OLD.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER area_institutions AFTER INSERT OR UPDATE OF boundary OR DELETE ON area
    FOR EACH ROW EXECUTE FUNCTION area_reassign_institutions();
