-- Roles (SEC-08): invitations and API keys, platform-level access-control data like memberships
-- (no tenant_id, no row-level security): reached only through their own ports, which filter by
-- workspace (or by a token's hash) in their queries, with grants as narrow as those need.

-- An invitation to join a workspace with a role, mailed to an address that may have no account
-- yet. Its single-use token is a mail token (V6, stored as its hash only) issued for the
-- invitation's id; the invitation is pending until accepted, revoked or expired.
create table invitations (
    id               uuid                     not null,
    workspace_id     uuid                     not null,
    -- As given, for the mail; compared as email_normalised (lower case), as accounts do.
    email            varchar(254)             not null,
    email_normalised varchar(254)             not null,
    role             varchar(16)              not null,
    -- Any account id, no foreign key: as for memberships, an embedder's own users have no account row.
    invited_by       uuid                     not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    accepted_at      timestamp with time zone,
    revoked_at       timestamp with time zone,
    constraint invitations_pk primary key (id),
    constraint invitations_workspace_fk foreign key (workspace_id) references workspaces (id),
    constraint invitations_email_normalised_ck check (email_normalised = lower(email)),
    constraint invitations_role_ck check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    constraint invitations_accepted_or_revoked_ck check (accepted_at is null or revoked_at is null),
    constraint invitations_expiry_ck check (expires_at > created_at)
);

-- A workspace's pending invitations, oldest first (keyset walk).
create index invitations_workspace_ix on invitations (workspace_id, created_at, id);
-- A new invitation to an address revokes the workspace's older ones to it.
create index invitations_email_ix on invitations (workspace_id, email_normalised);

-- An API key of one workspace, stored only as the SHA-256 of the whole key, in hex (SEC-05). Its
-- role is never OWNER; it acts with the lower of its role and its creator's current one.
create table api_keys (
    id           uuid                     not null,
    workspace_id uuid                     not null,
    name         varchar(100)             not null,
    role         varchar(16)              not null,
    token_hash   varchar(64)              not null,
    -- Any account id, no foreign key (see invited_by); the key dies with its creator's membership.
    created_by   uuid                     not null,
    created_at   timestamp with time zone not null,
    -- Written at most once a minute, so a busy key costs few writes.
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_keys_pk primary key (id),
    constraint api_keys_workspace_fk foreign key (workspace_id) references workspaces (id),
    constraint api_keys_token_hash_uk unique (token_hash),
    constraint api_keys_role_ck check (role in ('ADMIN', 'MEMBER', 'VIEWER')),
    constraint api_keys_hash_length_ck check (char_length(token_hash) = 64)
);

-- A workspace's keys, oldest first (keyset walk).
create index api_keys_workspace_ix on api_keys (workspace_id, created_at, id);
-- A member's removal revokes the keys they made in the workspace.
create index api_keys_creator_ix on api_keys (workspace_id, created_by);

-- A workspace's members, in the order they joined (keyset walk); also what a role change locks.
create index memberships_workspace_ix on memberships (workspace_id, created_at, account_id);

-- An invitation's token and mail are addressed to the invitation: for INVITATION, account_id in
-- mail_tokens and mail_outbox holds the invitation's id (the invited address may have no account).
alter table mail_tokens drop constraint mail_tokens_purpose_ck;
alter table mail_tokens add constraint mail_tokens_purpose_ck
    check (purpose in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'INVITATION'));
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION'));

-- [jooq ignore start]
-- A regular expression H2 cannot replay: a hash is 64 lower-case hex digits, so no clear key fits.
alter table api_keys add constraint api_keys_token_hash_ck check (token_hash ~ '^[0-9a-f]{64}$');

-- Members: a role change rewrites the role only (and locking every membership of a workspace with
-- FOR UPDATE needs an update grant, here that column's); a removal or leaving deletes the row.
grant update (role) on memberships to crm_app;
grant delete on memberships to crm_app;
-- Invitations are made and read, then accepted or revoked (only those two columns change); never
-- deleted by the application.
grant select, insert on invitations to crm_app;
grant update (accepted_at, revoked_at) on invitations to crm_app;
-- API keys are made and read, their last use recorded, and revoked; never renamed, re-roled,
-- re-hashed nor deleted by the application.
grant select, insert on api_keys to crm_app;
grant update (last_used_at, revoked_at) on api_keys to crm_app;
-- [jooq ignore stop]
