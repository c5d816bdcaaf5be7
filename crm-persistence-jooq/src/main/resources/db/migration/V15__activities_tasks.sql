-- Activities and tasks (issue 24): what happened with a workspace's contacts, companies and deals
-- (notes, calls, meetings, emails) and what is to be done. Shaped like contacts: tenant_id first in
-- every key, named constraints, row-level security through crm_protect_tenant_table (V4). No column
-- copies a contact's identifiers: a timeline joins. Subjects, bodies and titles are free text that
-- an erasure neither reads nor rewrites (see the README's erasure section).

create table activities (
    tenant_id        uuid                     not null,
    id               uuid                     not null,
    kind             varchar(8)               not null,
    subject          varchar(200),
    body             text,
    occurred_at      timestamp with time zone not null,
    -- Whole seconds, for calls and meetings only (the API's ISO-8601 duration, at most 24 hours).
    duration_seconds integer,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null,
    constraint activities_pk primary key (tenant_id, id),
    constraint activities_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint activities_kind_ck check (kind in ('NOTE', 'CALL', 'MEETING', 'EMAIL')),
    constraint activities_duration_ck check (duration_seconds is null
        or (kind in ('CALL', 'MEETING') and duration_seconds between 0 and 86400)),
    constraint activities_version_ck check (version >= 1)
);

-- The keyset walks, one per sort key.
create index activities_walk_ix on activities (tenant_id, created_at, id);
create index activities_occurred_ix on activities (tenant_id, occurred_at, id);

-- What an activity is about: one row per linked contact, company or deal, exactly one of the three
-- set. The keys hold tenant_id, so a link names only its own workspace's record; a deleted record
-- takes its link rows (the delete use cases first drop them and delete the activities left with
-- none), a deleted activity takes its links.
create table activity_links (
    tenant_id   uuid not null,
    id          uuid not null,
    activity_id uuid not null,
    contact_id  uuid,
    company_id  uuid,
    deal_id     uuid,
    constraint activity_links_pk primary key (tenant_id, id),
    constraint activity_links_activity_fk foreign key (tenant_id, activity_id)
        references activities (tenant_id, id) on delete cascade,
    constraint activity_links_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade,
    constraint activity_links_company_fk foreign key (tenant_id, company_id)
        references companies (tenant_id, id) on delete cascade,
    constraint activity_links_deal_fk foreign key (tenant_id, deal_id)
        references deals (tenant_id, id) on delete cascade,
    constraint activity_links_one_ck check ((contact_id is not null)::integer + (company_id is not null)::integer
        + (deal_id is not null)::integer = 1),
    constraint activity_links_contact_uk unique (tenant_id, activity_id, contact_id),
    constraint activity_links_company_uk unique (tenant_id, activity_id, company_id),
    constraint activity_links_deal_uk unique (tenant_id, activity_id, deal_id)
);

-- A record's timeline, and what the foreign keys' checks on delete read.
create index activity_links_contact_ix on activity_links (tenant_id, contact_id);
create index activity_links_company_ix on activity_links (tenant_id, company_id);
create index activity_links_deal_ix on activity_links (tenant_id, deal_id);

create table tasks (
    tenant_id   uuid                     not null,
    id          uuid                     not null,
    title       varchar(200)             not null,
    body        text,
    due_at      timestamp with time zone,
    done        boolean                  not null,
    done_at     timestamp with time zone,
    -- A member of the workspace when assigned (any account id, no foreign key, as for memberships);
    -- a member's removal unassigns their tasks in the same transaction.
    assignee_id uuid,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint tasks_pk primary key (tenant_id, id),
    constraint tasks_workspace_fk foreign key (tenant_id) references workspaces (id),
    constraint tasks_done_ck check (done = (done_at is not null)),
    constraint tasks_version_ck check (version >= 1)
);

create index tasks_walk_ix on tasks (tenant_id, created_at, id);
create index tasks_due_ix on tasks (tenant_id, due_at, id);
create index tasks_assignee_ix on tasks (tenant_id, assignee_id);

-- As activity_links; a task left with no link stays.
create table task_links (
    tenant_id  uuid not null,
    id         uuid not null,
    task_id    uuid not null,
    contact_id uuid,
    company_id uuid,
    deal_id    uuid,
    constraint task_links_pk primary key (tenant_id, id),
    constraint task_links_task_fk foreign key (tenant_id, task_id)
        references tasks (tenant_id, id) on delete cascade,
    constraint task_links_contact_fk foreign key (tenant_id, contact_id)
        references contacts (tenant_id, id) on delete cascade,
    constraint task_links_company_fk foreign key (tenant_id, company_id)
        references companies (tenant_id, id) on delete cascade,
    constraint task_links_deal_fk foreign key (tenant_id, deal_id)
        references deals (tenant_id, id) on delete cascade,
    constraint task_links_one_ck check ((contact_id is not null)::integer + (company_id is not null)::integer
        + (deal_id is not null)::integer = 1),
    constraint task_links_contact_uk unique (tenant_id, task_id, contact_id),
    constraint task_links_company_uk unique (tenant_id, task_id, company_id),
    constraint task_links_deal_uk unique (tenant_id, task_id, deal_id)
);

create index task_links_contact_ix on task_links (tenant_id, contact_id);
create index task_links_company_ix on task_links (tenant_id, company_id);
create index task_links_deal_ix on task_links (tenant_id, deal_id);

-- The records an erasure kept whose free text may still name the person, to check by hand: one
-- row per record, with the participant that kept it. Append-only, as the receipt itself.
create table erasure_receipt_reviews (
    tenant_id   uuid        not null,
    receipt_id  uuid        not null,
    participant varchar(64) not null,
    record_id   uuid        not null,
    constraint erasure_receipt_reviews_pk primary key (tenant_id, receipt_id, participant, record_id),
    constraint erasure_receipt_reviews_receipt_fk foreign key (tenant_id, receipt_id)
        references erasure_receipts (tenant_id, id) on delete cascade
);

-- [jooq ignore start]
select crm_protect_tenant_table('activities', 'select, insert, update, delete');
select crm_protect_tenant_table('activity_links', 'select, insert, update, delete');
select crm_protect_tenant_table('tasks', 'select, insert, update, delete');
select crm_protect_tenant_table('task_links', 'select, insert, update, delete');
select crm_protect_tenant_table('erasure_receipt_reviews', 'select, insert');
-- [jooq ignore stop]
