-- Background batch jobs, so that any instance sharing the database answers for any job: its state,
-- kept current by the instance running it (heard_at, by the database's clock, every second), and its
-- finished result, gzip-compressed, in parts. A running job whose instance has not been heard of for
-- a while is reported failed by whoever is asked (screen/BatchJobs).
CREATE TABLE batch_jobs (
    id VARCHAR(36) PRIMARY KEY,
    owner VARCHAR(128) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    error TEXT,
    detail TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    heard_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX batch_jobs_created ON batch_jobs (created_at);
CREATE TABLE batch_job_results (
    job_id VARCHAR(36) NOT NULL REFERENCES batch_jobs (id) ON DELETE CASCADE,
    format VARCHAR(16) NOT NULL,
    part INTEGER NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (job_id, format, part)
);
