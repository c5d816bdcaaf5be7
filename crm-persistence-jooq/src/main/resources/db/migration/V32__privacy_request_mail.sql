-- Mail of data-subject requests (issue 28): the extension's reason, a rejection's reason and an
-- erasure's confirmation join the outbox's closed list of templates (CON-05) as mail to a
-- workspace's subject: the row names the workspace and the request (subject_id), never an address;
-- the dispatcher reads the address inside a tenant transaction of that workspace when it sends.
-- The checks below are the union of every template, consent's (V24) included.
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED'));
alter table mail_outbox drop constraint mail_outbox_workspace_ck;
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED'))
        = (workspace_id is not null));
alter table mail_outbox drop constraint mail_outbox_subject_ck;
alter table mail_outbox add constraint mail_outbox_subject_ck
    check ((template in ('CONSENT_CONFIRMATION', 'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED',
        'PRIVACY_REQUEST_ERASED')) = (subject_id is not null)
        and (subject_id is null) = (account_id is not null)
        and (about_id is null or subject_id is not null));

-- An erased subject's request keeps its address only until the erasure's confirmation is sent
-- (DSR-15): then the dispatcher clears it in the transaction that renders the mail.
alter table dsr_requests add column confirm_to varchar(254); -- the address an erasure's confirmation goes to, until sent
