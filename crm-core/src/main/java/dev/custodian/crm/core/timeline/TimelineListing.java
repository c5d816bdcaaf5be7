package dev.custodian.crm.core.timeline;

import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/** What a timeline offers: by time, newest first by default, then by id. */
public final class TimelineListing {

  public static final String AT = "at";

  public static final ListOffer OFFER = ListOffer.builder()
      .sort(AT, ValueType.INSTANT)
      .defaultSort(AT, SortDirection.DESCENDING)
      .build();

  private TimelineListing() {}
}
