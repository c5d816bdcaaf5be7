package dev.custodian.crm.core.common.paging;

/** Which way a list is sorted: {@code sort=f} ascending, {@code sort=-f} descending. */
public enum SortDirection {
  ASCENDING,
  DESCENDING
}
