package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/**
 * What the deal list offers: filters by pipeline, stage, status, company, linked contact, currency,
 * amount, expected close date and creation time; sorts by creation time, title, expected close date
 * and amount. Amounts compare only within one currency: a filter or sort on {@code amount} needs
 * {@code currency=} given once. The list also filters and sorts by the workspace's custom fields
 * of deals ({@code custom.<key>}, see {@code CustomListQueries}). A pipeline's summary takes the
 * same built-in filters but its pipeline's (no custom ones).
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
  /** Deals linked to any of the given contacts (or, with {@code .empty}, to none or some). */
  public static final String CONTACT_ID = "contactId";
  public static final String AMOUNT = "amount";

  public static final ListOffer OFFER = filters(ListOffer.builder().filter(PIPELINE_ID, ValueType.UUID, Filter.Operator.ANY_OF))
      .sort(CREATED_AT, ValueType.INSTANT)
      .sort(TITLE, ValueType.TEXT)
      .sort(EXPECTED_CLOSE_DATE, ValueType.DATE)
      .sort(AMOUNT, ValueType.DECIMAL)
      .within(AMOUNT, CURRENCY)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .customFields()
      .build();

  /** The filters of a pipeline's summary ({@code ListQuery.filtersOf}): the list's, but the pipeline's own. */
  public static final ListOffer SUMMARY_OFFER = filters(ListOffer.builder())
      .within(AMOUNT, CURRENCY)
      .sort(CREATED_AT, ValueType.INSTANT)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .build();

  private static ListOffer.Builder filters(ListOffer.Builder offer) {
    return offer
        .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
        .filter(EXPECTED_CLOSE_DATE, ValueType.DATE, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST,
            Filter.Operator.EMPTY)
        .filter(STAGE_ID, ValueType.UUID, Filter.Operator.ANY_OF)
        .filter(STATUS, ValueType.oneOf("open", "won", "lost"), Filter.Operator.ANY_OF)
        .filter(COMPANY_ID, ValueType.UUID, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
        .filter(CONTACT_ID, ValueType.UUID, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
        .filter(CURRENCY, ValueType.TEXT, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
        .filter(AMOUNT, ValueType.DECIMAL, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST);
  }

  /** A deal's stage history: newest first, by the time of each change. */
  public static final String CHANGED_AT = "changedAt";

  public static final ListOffer HISTORY_OFFER = ListOffer.builder()
      .sort(CHANGED_AT, ValueType.INSTANT)
      .defaultSort(CHANGED_AT, SortDirection.DESCENDING)
      .build();

  private DealListing() {}
}
