package dev.custodian.crm.persistence.throttle;

import static dev.custodian.crm.persistence.generated.Tables.THROTTLE_ENTRIES;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import dev.custodian.crm.core.throttle.port.out.ThrottleRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import org.jooq.Condition;

/**
 * Persistence adapter: {@link ThrottleRepository} on the platform-level {@code throttle_entries}
 * table, one row per keyed hash. A hit is one {@code insert ... on conflict do update}: PostgreSQL
 * locks the row for it, so concurrent hits, from this process or another on the same database,
 * each get their own count.
 */
final class JooqThrottleRepository implements ThrottleRepository {

  private final JooqTransactions transactions;

  JooqThrottleRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public int hit(String keyedHash, Instant windowStart, Instant windowEnd, Instant now) {
    var t = THROTTLE_ENTRIES;
    // Evaluated on the stored row: an ended window starts again as the given one.
    Condition ended = t.WINDOW_END.le(SqlTime.utc(now));
    return transactions.dsl()
        .insertInto(t)
        .set(t.KEYED_HASH, keyedHash)
        .set(t.WINDOW_START, SqlTime.utc(windowStart))
        .set(t.WINDOW_END, SqlTime.utc(windowEnd))
        .set(t.HITS, 1)
        .onConflict(t.KEYED_HASH)
        .doUpdate()
        .set(t.HITS, when(ended, inline(1))
            .when(t.HITS.lt(inline(Integer.MAX_VALUE)), t.HITS.plus(inline(1)))
            .otherwise(t.HITS)) // saturates instead of overflowing
        .set(t.WINDOW_START, when(ended, excluded(t.WINDOW_START)).otherwise(t.WINDOW_START))
        .set(t.WINDOW_END, when(ended, excluded(t.WINDOW_END)).otherwise(t.WINDOW_END))
        .returning(t.HITS)
        .fetchSingle(t.HITS);
  }

  @Override
  public int hits(String keyedHash, Instant now) {
    var t = THROTTLE_ENTRIES;
    return transactions.dsl()
        .select(t.HITS)
        .from(t)
        .where(t.KEYED_HASH.eq(keyedHash))
        .and(t.WINDOW_START.le(SqlTime.utc(now)))
        .and(t.WINDOW_END.gt(SqlTime.utc(now)))
        .fetchOptional(t.HITS)
        .orElse(0);
  }

  @Override
  public void release(String keyedHash, Instant now) {
    var t = THROTTLE_ENTRIES;
    transactions.dsl()
        .update(t)
        .set(t.HITS, t.HITS.minus(inline(1)))
        .where(t.KEYED_HASH.eq(keyedHash))
        .and(t.HITS.gt(inline(0)))
        .and(t.WINDOW_END.gt(SqlTime.utc(now)))
        .execute();
  }

  @Override
  public void clear(String keyedHash) {
    transactions.dsl().deleteFrom(THROTTLE_ENTRIES).where(THROTTLE_ENTRIES.KEYED_HASH.eq(keyedHash)).execute();
  }

  @Override
  public int purgeEnded(Instant now) {
    return transactions.dsl()
        .deleteFrom(THROTTLE_ENTRIES)
        .where(THROTTLE_ENTRIES.WINDOW_END.le(SqlTime.utc(now)))
        .execute();
  }
}
