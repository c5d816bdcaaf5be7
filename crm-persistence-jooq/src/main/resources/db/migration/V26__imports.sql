-- Imports (issue 27): a job per uploaded file, its staged rows, its error rows (tenant-owned), and
-- the platform-level queue the workers claim jobs from.

-- A job: its options and counts; no value of the file. fields: the file's mapped columns, in the
-- order of each staged row's cells, joined by ',' (field names hold no comma).
create table import_jobs (
    tenant_id    uuid                     not null,
    id           uuid                     not null,
    object       varchar(16)              not null,
    on_duplicate varchar(8)               not null,
    fields       varchar(4000)            not null,
    state        varchar(16)              not null,
    rows_read    bigint                   not null,
    created      bigint                   not null,
    updated      bigint                   not null,
    skipped      bigint                   not null,
    failed       bigint                   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    constraint import_jobs_pk primary key (tenant_id, id),
    constraint import_jobs_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint import_jobs_object_ck check (object in ('CONTACTS', 'COMPANIES')),
    constraint import_jobs_on_duplicate_ck check (on_duplicate in ('SKIP', 'UPDATE', 'FAIL')),
    constraint import_jobs_state_ck check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    constraint import_jobs_counts_ck check (rows_read >= 0 and created >= 0 and updated >= 0 and skipped >= 0
        and failed >= 0 and created + updated + skipped + failed <= rows_read)
);

create index import_jobs_walk_ix on import_jobs (tenant_id, created_at, id);

-- A staged row: the record's first line in the file, its mapped cells (personal data, deleted once
-- its batch ran, with the job's end, or by an erasure), and the normalised email (contacts) or
-- domain (companies) and phone it carries, for duplicates and erasure.
create table import_rows (
    tenant_id uuid          not null,
    job_id    uuid          not null,
    line      bigint        not null,
    cells     text          not null,
    match_key varchar(254),
    phone     varchar(16),
    constraint import_rows_pk primary key (tenant_id, job_id, line),
    constraint import_rows_job_fk foreign key (tenant_id, job_id) references import_jobs (tenant_id, id)
);

create index import_rows_match_key_ix on import_rows (tenant_id, match_key);
create index import_rows_phone_ix on import_rows (tenant_id, phone);

-- An error row: the line, the field and why; never the value.
create table import_errors (
    tenant_id uuid         not null,
    job_id    uuid         not null,
    line      bigint       not null,
    position  integer      not null,
    field     varchar(200) not null,
    error     varchar(500) not null,
    constraint import_errors_pk primary key (tenant_id, job_id, line, position),
    constraint import_errors_job_fk foreign key (tenant_id, job_id) references import_jobs (tenant_id, id)
);

-- The queue: which workspace has a job to run, and which worker holds it until when. Platform
-- level (a worker finds work without a tenant), no personal data.
create table import_queue (
    workspace_id uuid                     not null,
    job_id       uuid                     not null,
    queued_at    timestamp with time zone not null,
    leased_by    varchar(64),
    leased_until timestamp with time zone,
    attempts     integer                  not null,
    constraint import_queue_pk primary key (workspace_id, job_id),
    constraint import_queue_workspace_fk foreign key (workspace_id) references workspaces (id),
    constraint import_queue_attempts_ck check (attempts >= 0)
);

create index import_queue_due_ix on import_queue (queued_at);

-- [jooq ignore start]
select crm_protect_tenant_table('import_jobs', 'select, insert, update, delete');
select crm_protect_tenant_table('import_rows', 'select, insert, delete');
select crm_protect_tenant_table('import_errors', 'select, insert, delete');
grant select, insert, delete on import_queue to crm_app;
grant update (leased_by, leased_until, attempts) on import_queue to crm_app;
-- [jooq ignore stop]
