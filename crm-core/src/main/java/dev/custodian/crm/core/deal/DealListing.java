package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/**
 * What the deal list offers: filters by pipeline, stage, status, company, currency, expected close
 * date and creation time; sorts by creation time, title and expected close date. (Not yet: the
 * {@code contactId} filter and the {@code amount} filter and sort, which need a currency.)
 */
public final class DealListing {

  public static final String CREATED_AT = "createdAt";
  public static final String TITLE = "title";
  public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";
  public static final String PIPELINE_ID = "pipelineId";
  public static final String STAGE_ID = "stageId";
  public static final String STATUS = "status";
  public static final String COMPANY_ID = "companyId";
  public static final String CURRENCY = "currency";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .filter(EXPECTED_CLOSE_DATE, ValueType.DATE, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST,
          Filter.Operator.EMPTY)
      .filter(PIPELINE_ID, ValueType.UUID, Filter.Operator.ANY_OF)
      .filter(STAGE_ID, ValueType.UUID, Filter.Operator.ANY_OF)
      .filter(STATUS, ValueType.oneOf("open", "won", "lost"), Filter.Operator.ANY_OF)
      .filter(COMPANY_ID, ValueType.UUID, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .filter(CURRENCY, ValueType.TEXT, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .sort(CREATED_AT, ValueType.INSTANT)
      .sort(TITLE, ValueType.TEXT)
      .sort(EXPECTED_CLOSE_DATE, ValueType.DATE)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .build();

  /** A deal's stage history: newest first, by the time of each change. */
  public static final String CHANGED_AT = "changedAt";

  public static final ListOffer HISTORY_OFFER = ListOffer.builder()
      .sort(CHANGED_AT, ValueType.INSTANT)
      .defaultSort(CHANGED_AT, SortDirection.DESCENDING)
      .build();

  private DealListing() {}
}
