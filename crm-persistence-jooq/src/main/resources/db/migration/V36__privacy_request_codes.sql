-- The public intake of data-subject requests (issue 28 item 3, DSR-12): a request's emailed code.
-- Never the code: only its keyed hash, HMAC-SHA256 of 'dsr-code:<request id>:<code>' under the
-- workspace's dsr-code key, set when the mail is sent (a re-send replaces it, voiding the older);
-- it works once, until expires_at, and goes after 3 wrong tries. Tenant-owned like its request; a
-- request's erasure scrub deletes it. Category: privacy request, 10 minutes at most.
create table dsr_codes (
    tenant_id       uuid                     not null, -- tenancy
    request_id      uuid                     not null, -- the request the code proves (one current code each)
    code_hash       varchar(64)              not null, -- keyed hash of the mailed code (never the code)
    expires_at      timestamp with time zone not null, -- when the code stops working (10 minutes after it was mailed)
    failed_attempts integer                  not null, -- wrong codes tried against it (3 void it)
    constraint dsr_codes_pk primary key (tenant_id, request_id),
    constraint dsr_codes_request_fk foreign key (tenant_id, request_id)
        references dsr_requests (tenant_id, id) on delete cascade,
    constraint dsr_codes_failed_ck check (failed_attempts between 0 and 3)
);

-- The outbox's checks, redefined as the union of every template (V6, V9, V22, V24, V32, V35 and this one).
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING',
        'PRIVACY_REQUEST_CODE'));
alter table mail_outbox drop constraint mail_outbox_workspace_ck;
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING',
        'PRIVACY_REQUEST_CODE'))
        = (workspace_id is not null));
alter table mail_outbox drop constraint mail_outbox_subject_ck;
alter table mail_outbox add constraint mail_outbox_subject_ck
    check ((template in ('CONSENT_CONFIRMATION', 'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED',
        'PRIVACY_REQUEST_ERASED', 'MARKETING', 'PRIVACY_REQUEST_CODE')) = (subject_id is not null)
        and (subject_id is null) = (account_id is not null)
        and (about_id is null or subject_id is not null));

-- [jooq ignore start]
select crm_protect_tenant_table('dsr_codes', 'select, insert, update, delete');
-- A regular expression H2 cannot replay: a hash is 64 lower-case hex digits, so no clear code fits.
alter table dsr_codes add constraint dsr_codes_hash_ck check (code_hash ~ '^[0-9a-f]{64}$');
-- [jooq ignore stop]
