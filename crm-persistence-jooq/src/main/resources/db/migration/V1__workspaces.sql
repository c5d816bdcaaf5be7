-- Workspaces: platform-level records (not tenant-owned), one per tenant.
-- Runs as crm_owner; crm_app gets only the grants its use cases need.
create table workspaces (
    id           uuid                     not null,
    name         varchar(200)             not null,
    slug         varchar(63)              not null,
    status       varchar(16)              not null,
    cancelled_at timestamp with time zone,
    created_at   timestamp with time zone not null,
    constraint workspaces_pk primary key (id),
    constraint workspaces_slug_uk unique (slug),
    constraint workspaces_status_ck check (status in ('ACTIVE', 'CANCELLED', 'PURGED')),
    constraint workspaces_cancelled_at_ck check ((status = 'CANCELLED') = (cancelled_at is not null))
);

-- [jooq ignore start]
grant select, insert on workspaces to crm_app;
-- /ready compares the applied migrations with the ones on the classpath.
grant select on flyway_schema_history to crm_app;
-- [jooq ignore stop]
