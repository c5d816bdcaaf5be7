package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the request list offers: filters by {@code state}, {@code type}, {@code californiaRequest},
 * {@code overdue} (open with its due time reached, by the clock: DSR-11) and the due time; sorts by
 * receipt (the default, oldest first) and due time. States and types are filtered by their names
 * in lower case ({@code state=identity_verified}), as the list grammar's enums are. An adapter's list takes the time
 * {@code overdue} is judged at.
 */
public final class DataSubjectRequestListing {

  public static final String STATE = "state";
  public static final String TYPE = "type";
  public static final String CALIFORNIA_REQUEST = "californiaRequest";
  public static final String OVERDUE = "overdue";
  public static final String DUE_AT = "dueAt";
  public static final String RECEIVED_AT = "receivedAt";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(STATE, ValueType.oneOf(RequestState.names().stream().map(DataSubjectRequestListing::constant)
          .toArray(String[]::new)), Filter.Operator.ANY_OF)
      .filter(TYPE, ValueType.oneOf(Arrays.stream(RequestType.values()).map(t -> constant(t.name()))
          .toArray(String[]::new)), Filter.Operator.ANY_OF)
      .filter(CALIFORNIA_REQUEST, ValueType.oneOf("true", "false"), Filter.Operator.ANY_OF)
      .filter(OVERDUE, ValueType.oneOf("true", "false"), Filter.Operator.ANY_OF)
      .filter(DUE_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .sort(RECEIVED_AT, ValueType.INSTANT)
      .sort(DUE_AT, ValueType.INSTANT)
      .defaultSort(RECEIVED_AT, SortDirection.ASCENDING)
      .build();

  private DataSubjectRequestListing() {}

  /** A state's or type's name as the list grammar's enum constant: lower case ({@code identity_verified}). */
  public static String constant(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
