package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/**
 * What the contact list offers (the list grammar's filters and sorts): filters
 * {@code createdAt.gte}, {@code createdAt.lte} (instants) and {@code lastName.empty}; sorts
 * {@code createdAt} (the default, oldest first) and {@code lastName} (ignoring case, in code-point
 * order), each both ways; and a search {@code q}, a case-insensitive substring of the first name,
 * last name, full name ({@code "first last"}), email, job title or the company's name; and the
 * workspace's custom fields of contacts ({@code custom.<key>}, resolved by the use case: see
 * {@code CustomListQueries}). An adapter of {@code ContactRepository} implements exactly these.
 */
public final class ContactListing {

  public static final String CREATED_AT = "createdAt";
  public static final String LAST_NAME = "lastName";
  public static final String COMPANY_ID = "companyId";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .filter(LAST_NAME, ValueType.TEXT, Filter.Operator.EMPTY)
      .filter(COMPANY_ID, ValueType.UUID, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .sort(CREATED_AT, ValueType.INSTANT)
      .sort(LAST_NAME, ValueType.TEXT)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .searchable()
      .customFields()
      .build();

  private ContactListing() {}
}
