-- Planning scenarios: named sets of changes kept apart from the base data (the changes as JSON).
CREATE TABLE scenario (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    description text,
    changes     jsonb NOT NULL,
    version     bigint NOT NULL DEFAULT 1
);
