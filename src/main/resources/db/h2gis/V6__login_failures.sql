-- Failed logins, counted in the store (auth.LoginThrottle); see the PostGIS migration of the same
-- number.
CREATE TABLE login_pair_failures (
    name VARCHAR(200) NOT NULL,
    address VARCHAR(64) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_pair_failures_pair ON login_pair_failures (name, address, at);
CREATE INDEX login_pair_failures_address ON login_pair_failures (address);
CREATE TABLE login_name_failures (
    name VARCHAR(200) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_name_failures_name ON login_name_failures (name, at);
CREATE INDEX login_name_failures_at ON login_name_failures (at);
CREATE TABLE login_address_failures (
    address VARCHAR(64) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_address_failures_address ON login_address_failures (address, at);
CREATE INDEX login_address_failures_at ON login_address_failures (at);
