-- Mail: one-time mail tokens and the outbox. Both are platform-level (no tenant_id, no row-level
-- security): reached only through their own ports, with grants as narrow as those need.
-- (V5 is the accounts table; account_id has no foreign key here so that this file stands alone.)

-- A token is stored only as the SHA-256 of the whole token, in hex; never in clear.
create table mail_tokens (
    token_hash varchar(64)              not null,
    purpose    varchar(16)              not null,
    account_id uuid                     not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    voided_at  timestamp with time zone,
    constraint mail_tokens_pk primary key (token_hash),
    constraint mail_tokens_purpose_ck check (purpose in ('VERIFY_EMAIL', 'PASSWORD_RESET')),
    constraint mail_tokens_expiry_ck check (expires_at > created_at),
    constraint mail_tokens_used_or_voided_ck check (used_at is null or voided_at is null)
);

-- A new token voids the older unused ones of its account and purpose.
create index mail_tokens_account_ix on mail_tokens (account_id, purpose);

-- Mail to send: a template and the account it goes to, never an address or a token (both are
-- found when the mail is sent). A dispatcher leases a row until leased_until and deletes it once sent.
create table mail_outbox (
    id           uuid                     not null,
    template     varchar(32)              not null,
    account_id   uuid                     not null,
    created_at   timestamp with time zone not null,
    leased_until timestamp with time zone,
    constraint mail_outbox_pk primary key (id),
    constraint mail_outbox_template_ck check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS'))
);

-- Due rows are taken oldest first.
create index mail_outbox_due_ix on mail_outbox (created_at);

-- [jooq ignore start]
-- A regular expression H2 cannot replay: a hash is 64 lower-case hex digits, so no clear token fits.
alter table mail_tokens add constraint mail_tokens_hash_ck check (token_hash ~ '^[0-9a-f]{64}$');

-- Tokens: issued, looked up, then marked used or voided; never rewritten otherwise nor deleted.
grant select, insert on mail_tokens to crm_app;
grant update (used_at, voided_at) on mail_tokens to crm_app;
-- Outbox: queued, leased (FOR UPDATE needs an UPDATE grant, here the lease column only), deleted when sent.
grant select, insert, delete on mail_outbox to crm_app;
grant update (leased_until) on mail_outbox to crm_app;
-- [jooq ignore stop]
