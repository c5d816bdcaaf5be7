-- Data-subject requests' mails and package expiry (issue 28 items 5 and 7): an ACCESS or PORTABILITY request's
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

-- A data-subject package goes at its expiry (the data map's rule for subject_package), as a step of
-- the retention engine like expired mail tokens. crm_app deletes packages only one by one in their
-- workspace's transaction (a download); this function of crm_owner deletes up to p_limit packages
-- expired at p_now (the application's clock), skipping any another transaction holds, each with its
-- chunks, working workspace by workspace: the chunks are tenant-owned, so it binds each package's
-- workspace for its own deletes and leaves the transaction bound to none.
-- [jooq ignore start]
create function crm_purge_expired_subject_packages(p_now timestamp with time zone, p_limit integer)
    returns bigint
    language plpgsql
    security definer
    set search_path from current
as $$
declare
    due record;
    deleted bigint := 0;
begin
    if p_now is null or p_limit is null or p_limit < 1 then
        raise exception 'a time and a batch of at least one row';
    end if;
    if nullif(current_setting('crm.tenant_id', true), '') is not null then
        raise exception 'expired packages are deleted in a platform transaction';
    end if;
    for due in select id, workspace_id from dsr_packages where expires_at <= p_now
                order by expires_at limit p_limit for update skip locked loop
        perform set_config('crm.tenant_id', due.workspace_id::text, true);
        delete from dsr_package_chunks where tenant_id = due.workspace_id and package_id = due.id;
        perform set_config('crm.tenant_id', '', true);
        delete from dsr_packages where id = due.id;
        deleted := deleted + 1;
    end loop;
    return deleted;
end
$$;

revoke all on function crm_purge_expired_subject_packages(timestamp with time zone, integer) from public;
grant execute on function crm_purge_expired_subject_packages(timestamp with time zone, integer) to crm_app;
-- [jooq ignore stop]
