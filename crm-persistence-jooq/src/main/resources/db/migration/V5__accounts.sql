-- Accounts: platform-level (not tenant-owned), one per person who signs up. Only what sign-up
-- asks for and what proves it (ACC-09): no birth date, no address, no IP. The password is stored
-- only as its encoded Argon2id hash.
create table accounts (
    id                uuid                     not null,
    name              varchar(100)             not null,
    -- As given, for mail; unique as email_normalised (lower case), which lookups compare.
    email             varchar(254)             not null,
    email_normalised  varchar(254)             not null,
    organisation      varchar(200),
    password_hash     varchar(255)             not null,
    email_verified_at timestamp with time zone,
    -- The sign-up's age attestation: when, and the minimum age it attested (never below 16).
    age_attested_at   timestamp with time zone not null,
    minimum_age       integer                  not null,
    created_at        timestamp with time zone not null,
    constraint accounts_pk primary key (id),
    constraint accounts_email_normalised_uk unique (email_normalised),
    constraint accounts_email_normalised_ck check (email_normalised = lower(email)),
    constraint accounts_minimum_age_ck check (minimum_age >= 16)
);

-- [jooq ignore start]
-- Sign-up inserts, sign-in and the mail flows read; only a password reset and a verification
-- change a row, and only their own column. No delete: account deletion will come with its own
-- narrow grant.
grant select, insert on accounts to crm_app;
grant update (password_hash, email_verified_at) on accounts to crm_app;
-- [jooq ignore stop]
