package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/** What the activity list offers: filters by kind, occurrence and creation time; sorts by those times. */
public final class ActivityListing {

  public static final String KIND = "kind";
  public static final String OCCURRED_AT = "occurredAt";
  public static final String CREATED_AT = "createdAt";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(KIND, ValueType.oneOf("note", "call", "meeting", "email"), Filter.Operator.ANY_OF)
      .filter(OCCURRED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .sort(OCCURRED_AT, ValueType.INSTANT)
      .sort(CREATED_AT, ValueType.INSTANT)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .build();

  private ActivityListing() {}
}
