package dev.custodian.crm.core.common;

import dev.custodian.crm.core.testing.SortOrderCheck;
import org.junit.jupiter.api.Test;

/** {@link InMemoryPaging}'s walk order on text with empty values, as the jOOQ helper's on PostgreSQL. */
class InMemoryPagingTest {

  @Test
  void textSortsIgnoringCaseInCodePointOrder_emptyLastBothWays_andFiltersCompareExactly() {
    ListFields<SortOrderCheck.Row> fields = ListFields.of(SortOrderCheck.Row::id)
        .with(SortOrderCheck.NAME, SortOrderCheck.Row::name);
    SortOrderCheck.check(query -> InMemoryPaging.page(SortOrderCheck.ROWS.stream(), query, fields));
  }
}
