-- The deal list sorts by amount within one currency (its filter given once): an index per sort key,
-- led by the workspace and the currency, serves the walk both ways.
create index deals_amount_ix on deals (tenant_id, currency, amount, id);
