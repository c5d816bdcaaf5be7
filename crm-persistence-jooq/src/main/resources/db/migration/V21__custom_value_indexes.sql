-- Search under row-level security (issue 24): as crm_app, a table with policies lets the planner use
-- an index only for a condition without leaky functions. The superuser's bootstrap marks ILIKE
-- (texticlike) and || (textcat) LEAKPROOF (DatabaseRoles.SEARCH_LEAKPROOF; on an external server
-- its DBA runs that statement, see the README); COALESCE counts as leaky whatever its arguments, so
-- the contact search expression reads a missing job title through CASE instead (same values).
-- JooqContactRepository writes this expression exactly, so the planner matches it to the index.

-- [jooq ignore start]
drop index contacts_search_ix;
create index contacts_search_ix on contacts using gin
    ((first_name || ' ' || last_name || chr(10) || email || chr(10)
      || case when job_title is null then '' else job_title end) gin_trgm_ops);
-- [jooq ignore stop]

-- Lists by custom fields (issue 24): a filter is an EXISTS over a field's values, a sort joins the
-- record's value; each is served by an index (tenant_id, field_id, <value column>, <record column>),
-- one per value column and kind of record, holding only the rows with that value (a row is in one
-- of them; a strict comparison or a keyset bound implies the column is not null). A record without
-- a value sorts last either way, walked by the record's own index after the values.

-- A TEXT, EMAIL, PHONE or URL value's sort key: the text lower-cased code point by code point
-- (TextOrder.key), compared byte by byte (collate "C"), as the *_sort columns of V12; null for the
-- other types. The store writes it with the value.
alter table custom_field_values add column text_sort varchar(2048) collate "C";

-- [jooq ignore start]
do $$
declare
    workspace uuid;
    fill text := case when exists (select 1 from pg_collation where collname = 'pg_c_utf8')
        then 'update custom_field_values set text_sort = lower(text_value collate pg_c_utf8) where tenant_id = $1 and text_value is not null'
        else 'update custom_field_values set text_sort = lower(text_value) where tenant_id = $1 and text_value is not null' end;
begin
    for workspace in select id from workspaces loop
        perform set_config('crm.tenant_id', workspace::text, true);
        execute fill using workspace;
    end loop;
    perform set_config('crm.tenant_id', '', true);
end
$$;

create index custom_field_values_contact_text_ix on custom_field_values (tenant_id, field_id, text_sort, contact_id)
    where contact_id is not null and text_sort is not null;
create index custom_field_values_contact_number_ix on custom_field_values (tenant_id, field_id, number_value, contact_id)
    where contact_id is not null and number_value is not null;
create index custom_field_values_contact_decimal_ix on custom_field_values (tenant_id, field_id, decimal_value, contact_id)
    where contact_id is not null and decimal_value is not null;
create index custom_field_values_contact_date_ix on custom_field_values (tenant_id, field_id, date_value, contact_id)
    where contact_id is not null and date_value is not null;
create index custom_field_values_contact_boolean_ix on custom_field_values (tenant_id, field_id, boolean_value, contact_id)
    where contact_id is not null and boolean_value is not null;
create index custom_field_values_contact_option_ix on custom_field_values (tenant_id, field_id, option_id, contact_id)
    where contact_id is not null and option_id is not null;
create index custom_field_values_contact_amount_ix on custom_field_values (tenant_id, field_id, amount, contact_id)
    where contact_id is not null and amount is not null;
create index custom_field_values_company_text_ix on custom_field_values (tenant_id, field_id, text_sort, company_id)
    where company_id is not null and text_sort is not null;
create index custom_field_values_company_number_ix on custom_field_values (tenant_id, field_id, number_value, company_id)
    where company_id is not null and number_value is not null;
create index custom_field_values_company_decimal_ix on custom_field_values (tenant_id, field_id, decimal_value, company_id)
    where company_id is not null and decimal_value is not null;
create index custom_field_values_company_date_ix on custom_field_values (tenant_id, field_id, date_value, company_id)
    where company_id is not null and date_value is not null;
create index custom_field_values_company_boolean_ix on custom_field_values (tenant_id, field_id, boolean_value, company_id)
    where company_id is not null and boolean_value is not null;
create index custom_field_values_company_option_ix on custom_field_values (tenant_id, field_id, option_id, company_id)
    where company_id is not null and option_id is not null;
create index custom_field_values_company_amount_ix on custom_field_values (tenant_id, field_id, amount, company_id)
    where company_id is not null and amount is not null;
create index custom_field_values_deal_text_ix on custom_field_values (tenant_id, field_id, text_sort, deal_id)
    where deal_id is not null and text_sort is not null;
create index custom_field_values_deal_number_ix on custom_field_values (tenant_id, field_id, number_value, deal_id)
    where deal_id is not null and number_value is not null;
create index custom_field_values_deal_decimal_ix on custom_field_values (tenant_id, field_id, decimal_value, deal_id)
    where deal_id is not null and decimal_value is not null;
create index custom_field_values_deal_date_ix on custom_field_values (tenant_id, field_id, date_value, deal_id)
    where deal_id is not null and date_value is not null;
create index custom_field_values_deal_boolean_ix on custom_field_values (tenant_id, field_id, boolean_value, deal_id)
    where deal_id is not null and boolean_value is not null;
create index custom_field_values_deal_option_ix on custom_field_values (tenant_id, field_id, option_id, deal_id)
    where deal_id is not null and option_id is not null;
create index custom_field_values_deal_amount_ix on custom_field_values (tenant_id, field_id, amount, deal_id)
    where deal_id is not null and amount is not null;
-- [jooq ignore stop]
