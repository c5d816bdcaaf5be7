package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/**
 * What the company list offers: filters by creation time and domain, sorts by creation time and
 * name, and a search {@code q}: a case-insensitive substring of the name or the domain; and the
 * workspace's custom fields of companies ({@code custom.<key>}, see {@code CustomListQueries}).
 */
public final class CompanyListing {

  public static final String CREATED_AT = "createdAt";
  public static final String NAME = "name";
  public static final String DOMAIN = "domain";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .filter(DOMAIN, ValueType.TEXT, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .sort(CREATED_AT, ValueType.INSTANT)
      .sort(NAME, ValueType.TEXT)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .searchable()
      .customFields()
      .build();

  private CompanyListing() {}
}
