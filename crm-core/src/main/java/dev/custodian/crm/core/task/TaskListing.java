package dev.custodian.crm.core.task;

import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.SortDirection;
import dev.custodian.crm.core.common.paging.ValueType;

/**
 * What the task list offers: filters by assignee (or none), done, due time (or none); sorts by due
 * time (tasks without one last, both ways) and creation time (the default).
 */
public final class TaskListing {

  public static final String ASSIGNEE_ID = "assigneeId";
  public static final String DONE = "done";
  public static final String DUE_AT = "dueAt";
  public static final String CREATED_AT = "createdAt";

  public static final ListOffer OFFER = ListOffer.builder()
      .filter(ASSIGNEE_ID, ValueType.UUID, Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .filter(DONE, ValueType.oneOf("true", "false"), Filter.Operator.ANY_OF)
      .filter(DUE_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST, Filter.Operator.EMPTY)
      .filter(CREATED_AT, ValueType.INSTANT, Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST)
      .sort(DUE_AT, ValueType.INSTANT)
      .sort(CREATED_AT, ValueType.INSTANT)
      .defaultSort(CREATED_AT, SortDirection.ASCENDING)
      .build();

  private TaskListing() {}
}
