-- Mail to a person on a workspace's behalf (issue 26): one outbox still (V6, V9, V22). A row names
-- either an account (or an invitation) as before, or a workspace and a subject the workspace owns
-- (subject_id: a contact for consent mails; about_id: what the mail is about, e.g. the
-- confirmation request). Never an address or a name: the dispatcher resolves the address inside a
-- tenant transaction of the row's workspace (row-level security on) when the mail is sent.
alter table mail_outbox alter column account_id drop not null;
alter table mail_outbox add column subject_id uuid; -- a workspace's subject: a contact (consent mail)
alter table mail_outbox add column about_id uuid;   -- what a subject's mail is about (a confirmation request)
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION'));
alter table mail_outbox drop constraint mail_outbox_workspace_ck;
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION'))
        = (workspace_id is not null));
-- A subject's mail names no account; every other mail names one.
alter table mail_outbox add constraint mail_outbox_subject_ck
    check ((template in ('CONSENT_CONFIRMATION')) = (subject_id is not null)
        and (subject_id is null) = (account_id is not null)
        and (about_id is null or subject_id is not null));
-- A subject's queued mail goes with it (erasure).
create index mail_outbox_subject_ix on mail_outbox (workspace_id, subject_id);

-- Double opt-in (item 4): a request to confirm a grant, mailed to the contact. The token is stored
-- only as its SHA-256, set when the mail is sent (a resend mints a new one, voiding the older); it
-- works once, until expires_at. Goes with the contact (a plain delete cascades; an erasure deletes
-- it first). Category: CRM data (pending proof), contact lifetime or 7 days.
create table consent_confirmations (
    tenant_id      uuid                     not null, -- tenancy
    id             uuid                     not null, -- identity; the outbox row's about_id
    contact_id     uuid                     not null, -- the contact asked to confirm
    purpose_key    varchar(64)              not null, -- the purpose the confirmation grants
    notice_version varchar(100)             not null, -- the notice the request refers to (proof of the grant)
    requested_at   timestamp with time zone not null, -- when it was asked (proof: opt-in requested)
    token_hash     varchar(64),                       -- SHA-256 of the mailed token, set when mailed
    expires_at     timestamp with time zone,          -- when the mailed token stops working
    used_at        timestamp with time zone,          -- when it was confirmed (single use)
    constraint consent_confirmations_pk primary key (tenant_id, id),
    constraint consent_confirmations_token_uk unique (tenant_id, token_hash),
    constraint consent_confirmations_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade,
    constraint consent_confirmations_purpose_fk foreign key (tenant_id, purpose_key)
        references consent_purposes (tenant_id, purpose_key)
);

create index consent_confirmations_contact_ix on consent_confirmations (tenant_id, contact_id);

-- [jooq ignore start]
select crm_protect_tenant_table('consent_confirmations', 'select, insert, delete');
-- Minting a token and using it change only these columns.
grant update (token_hash, expires_at, used_at) on consent_confirmations to crm_app;
-- A regular expression H2 cannot replay: a hash is 64 lower-case hex digits, so no clear token fits.
alter table consent_confirmations add constraint consent_confirmations_hash_ck
    check (token_hash ~ '^[0-9a-f]{64}$');
-- [jooq ignore stop]
