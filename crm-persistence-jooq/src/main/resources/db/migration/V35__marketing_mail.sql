-- Marketing mail (issue 26 item 6, CON-02): the texts a workspace queued for a purpose, once; the
-- outbox holds a MARKETING row per contact the purpose allowed, naming this mail (about_id), the
-- workspace and the contact, never an address. Tenant-owned like contacts. The sender's postal
-- address is the workspace's, not a person's. Category: CRM data, the workspace's lifetime.
create table marketing_mails (
    tenant_id      uuid                     not null, -- tenancy
    id             uuid                     not null, -- identity; the outbox rows' about_id
    purpose_key    varchar(64)              not null, -- the purpose it is sent for (asked again per mail)
    subject        varchar(200)             not null, -- the subject line
    body_text      text                     not null, -- the plain text (up to 20000 characters)
    postal_address varchar(500)             not null, -- the sender's postal address, in every mail
    created_at     timestamp with time zone not null, -- when it was queued
    constraint marketing_mails_pk primary key (tenant_id, id),
    constraint marketing_mails_purpose_fk foreign key (tenant_id, purpose_key)
        references consent_purposes (tenant_id, purpose_key)
);

-- The outbox's checks, redefined as the union of every template (V6, V9, V22, V24, V32 and this one).
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING'));
alter table mail_outbox drop constraint mail_outbox_workspace_ck;
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING'))
        = (workspace_id is not null));
alter table mail_outbox drop constraint mail_outbox_subject_ck;
alter table mail_outbox add constraint mail_outbox_subject_ck
    check ((template in ('CONSENT_CONFIRMATION', 'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED',
        'PRIVACY_REQUEST_ERASED', 'MARKETING')) = (subject_id is not null)
        and (subject_id is null) = (account_id is not null)
        and (about_id is null or subject_id is not null));

-- [jooq ignore start]
select crm_protect_tenant_table('marketing_mails', 'select, insert, delete');
-- [jooq ignore stop]
