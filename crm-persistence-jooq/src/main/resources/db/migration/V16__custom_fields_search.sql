-- Search (issue 24): the lists' q, a case-insensitive substring (ILIKE '%q%'), served by pg_trgm's
-- GIN trigram indexes. pg_trgm ships with PostgreSQL (zonky's binaries included) and is a trusted
-- extension: the database's owner, crm_owner, who runs the migrations, creates it without being a
-- superuser. An external server needs the contrib package installed (the README says so).

-- [jooq ignore start]
create extension if not exists pg_trgm;

-- A contact is found by its full name (so by either name), email or job title, in one expression
-- (the fields joined by a line feed, which a search text never holds, so no match spans two), and
-- by its company's name (companies_name_search_ix). JooqContactRepository writes this expression
-- exactly, so the planner matches it to the index.
create index contacts_search_ix on contacts using gin
    ((first_name || ' ' || last_name || chr(10) || email || chr(10) || coalesce(job_title, '')) gin_trgm_ops);

-- A company is found by its name or its domain.
create index companies_name_search_ix on companies using gin (name gin_trgm_ops);
create index companies_domain_search_ix on companies using gin (domain gin_trgm_ops);
-- [jooq ignore stop]
