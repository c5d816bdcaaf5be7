-- Data-subject requests' mails (issue 28 items 5 and 7): an ACCESS or PORTABILITY request's
-- completion mail (subject: the request; about: its package, whose download token is minted when
-- the mail is sent, so no token is stored here) and the notice that a contact's restriction of
-- processing is lifted (subject: the contact). Both go to a workspace's subject, named by
-- reference only.

-- The outbox's checks, redefined as the union of every template (V6, V9, V22, V24, V32, V35, V36's
-- PRIVACY_REQUEST_CODE and this one's two).
alter table mail_outbox drop constraint mail_outbox_template_ck;
alter table mail_outbox add constraint mail_outbox_template_ck
    check (template in ('VERIFY_EMAIL', 'PASSWORD_RESET', 'ACCOUNT_EXISTS', 'INVITATION',
        'WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING',
        'PRIVACY_REQUEST_CODE', 'PRIVACY_REQUEST_COMPLETED', 'PRIVACY_RESTRICTION_LIFTED'));
alter table mail_outbox drop constraint mail_outbox_workspace_ck;
alter table mail_outbox add constraint mail_outbox_workspace_ck
    check ((template in ('WORKSPACE_CANCELLED', 'WORKSPACE_PURGE_REMINDER', 'CONSENT_CONFIRMATION',
        'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED', 'PRIVACY_REQUEST_ERASED', 'MARKETING',
        'PRIVACY_REQUEST_CODE', 'PRIVACY_REQUEST_COMPLETED', 'PRIVACY_RESTRICTION_LIFTED'))
        = (workspace_id is not null));
alter table mail_outbox drop constraint mail_outbox_subject_ck;
alter table mail_outbox add constraint mail_outbox_subject_ck
    check ((template in ('CONSENT_CONFIRMATION', 'PRIVACY_REQUEST_EXTENDED', 'PRIVACY_REQUEST_REJECTED',
        'PRIVACY_REQUEST_ERASED', 'MARKETING', 'PRIVACY_REQUEST_CODE', 'PRIVACY_REQUEST_COMPLETED',
        'PRIVACY_RESTRICTION_LIFTED')) = (subject_id is not null)
        and (subject_id is null) = (account_id is not null)
        and (about_id is null or subject_id is not null));
