-- Failed logins, counted where every instance sees them (auth.LoginThrottle): a guesser made to wait
-- by one instance waits at all of them. One table per count the throttle keeps; rows are swept once
-- they no longer count (15 minutes for names and addresses, 24 hours without a failure for a pair).
CREATE TABLE login_pair_failures (
    name VARCHAR(200) NOT NULL,
    address VARCHAR(64) NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_pair_failures_pair ON login_pair_failures (name, address, at);
CREATE INDEX login_pair_failures_address ON login_pair_failures (address);
CREATE TABLE login_name_failures (
    name VARCHAR(200) NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_name_failures_name ON login_name_failures (name, at);
CREATE INDEX login_name_failures_at ON login_name_failures (at);
CREATE TABLE login_address_failures (
    address VARCHAR(64) NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_address_failures_address ON login_address_failures (address, at);
CREATE INDEX login_address_failures_at ON login_address_failures (at);
