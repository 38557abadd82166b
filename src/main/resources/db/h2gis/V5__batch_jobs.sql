-- Background batch jobs and their finished results (gzip-compressed, in parts); see the PostGIS
-- migration of the same number, which explains why they live in the database.
CREATE TABLE batch_jobs (
    id VARCHAR(36) PRIMARY KEY,
    owner VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    error CHARACTER LARGE OBJECT,
    detail CHARACTER LARGE OBJECT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    heard_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX batch_jobs_created ON batch_jobs (created_at);
CREATE TABLE batch_job_results (
    job_id VARCHAR(36) NOT NULL REFERENCES batch_jobs (id) ON DELETE CASCADE,
    format VARCHAR(16) NOT NULL,
    part INTEGER NOT NULL,
    data BINARY VARYING(1000000) NOT NULL,
    PRIMARY KEY (job_id, format, part)
);
