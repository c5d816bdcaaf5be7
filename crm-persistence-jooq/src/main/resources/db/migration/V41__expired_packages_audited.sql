-- Expired data-subject packages are audited again (issue 28): the retention engine deletes each
-- workspace's expired packages, with their chunks, in that workspace's own transaction as crm_app
-- (row-level security on), and appends subject_package_deleted to its chain in the same
-- transaction. V37's function deleted them in a platform transaction, unaudited; nothing calls it
-- any more, and crm_app keeps no way to delete a package without its entry.

-- [jooq ignore start]
drop function crm_purge_expired_subject_packages(timestamp with time zone, integer);
-- [jooq ignore stop]
