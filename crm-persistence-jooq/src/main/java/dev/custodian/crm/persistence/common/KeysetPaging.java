package dev.custodian.crm.persistence.common;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the keyset walk every list query shares. Rows come oldest first by a time
 * column, then by id (PostgreSQL's uuid order), after the request's cursor; one row more than the
 * page is fetched to tell whether there is a next page. The table needs an index on
 * {@code (tenant_id, <time>, id)}.
 */
public final class KeysetPaging {

  private KeysetPaging() {}

  /**
   * One page of {@code query}'s rows.
   *
   * @param query the select with its own filters (the workspace first), not yet ordered
   */
  public static <R extends Record> Page<R> page(SelectConditionStep<R> query,
      Field<OffsetDateTime> time, Field<UUID> id, PageRequest request) {
    Condition after = request.after()
        .map(c -> DSL.row(time, id).gt(SqlTime.utc(c.createdAt()), c.id()))
        .orElse(DSL.noCondition());
    return Page.fromLookahead(
        query.and(after).orderBy(time, id).limit(request.limit() + 1).fetch(),
        request.limit(),
        row -> new PageCursor(row.get(time).toInstant(), row.get(id)));
  }
}
