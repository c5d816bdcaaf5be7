package dev.custodian.crm.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadAheadTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Field<Integer> N = DSL.field(DSL.name("n"), Integer.class);
  private static final Field<String> TEXT = DSL.field("'row ' || n", String.class).as("text");
  private static final Field<UUID> ID = DSL.field("md5(n::text)::uuid", UUID.class).as("id");
  private static final Field<OffsetDateTime> AT = DSL.field("timestamptz '2026-01-01 00:00:00+00' + n * interval '1 second'",
      OffsetDateTime.class).as("at");
  private static final Field<String[]> ITEMS = DSL.field("array['a', n::text]", SQLDataType.VARCHAR.array()).as("items");
  private static final Field<BigDecimal> AMOUNT = DSL.field("n * 1.50::numeric(12, 2)", BigDecimal.class).as("amount");
  private static final Field<LocalDate> DAY = DSL.field("date '2026-01-01' + n", LocalDate.class).as("day");

  private final JooqTransactions tx = new JooqTransactions(db.appDataSource());
  private final WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

  @Test
  void handsEveryRowInOrder_acrossMoreBatchesThanTheQueueHolds_withTheColumnsTypes() {
    int rows = ReadAhead.BATCH * 5 + 7;
    List<String> seen = new ArrayList<>();
    tx.inWorkspaceSnapshot(workspace, () -> {
      ReadAhead.stream(tx.dsl().select(N, TEXT, ID, AT, ITEMS, AMOUNT, DAY).from(DSL.generateSeries(1, rows).as("s", "n"))
          .orderBy(N), row -> {
            int n = row.get(N);
            assertThat(row.get(TEXT)).isEqualTo("row " + n);
            assertThat(row.get(ID)).isInstanceOf(UUID.class);
            assertThat(row.get(AT).toInstant().getEpochSecond()).isEqualTo(1767225600L + n);
            assertThat(row.get(ITEMS)).containsExactly("a", Integer.toString(n));
            assertThat(row.get(DAY)).isEqualTo(LocalDate.of(2026, 1, 1).plusDays(n));
            assertThat(row.get(AMOUNT)).isEqualByComparingTo(new BigDecimal("1.50").multiply(BigDecimal.valueOf(n)));
            assertThat(row.get(DSL.field(DSL.name("n"), Integer.class))).as("an equal field, not the same").isEqualTo(n);
            return row.get(TEXT);
          }, seen::add);
      return null;
    });
    assertThat(seen).hasSize(rows);
    for (int n = 1; n <= rows; n++) {
      assertThat(seen.get(n - 1)).isEqualTo("row " + n);
    }
  }

  @Test
  void aSinkThatThrowsEndsTheStream_andTheTransactionGoesOnWithItsConnection() {
    List<Integer> seen = new ArrayList<>();
    int after = tx.inWorkspaceSnapshot(workspace, () -> {
      assertThatThrownBy(() -> ReadAhead.stream(
          tx.dsl().select(N).from(DSL.generateSeries(1, 100_000).as("s", "n")).orderBy(N), row -> row.get(N), n -> {
            if (n == ReadAhead.BATCH + 3) {
              throw new IllegalStateException("the client went away");
            }
            seen.add(n);
          })).isInstanceOf(IllegalStateException.class).hasMessage("the client went away");
      // the reader stopped before the stream returned: the connection answers at once
      return tx.dsl().fetchOne("select 41 + 1").get(0, Integer.class);
    });
    assertThat(after).isEqualTo(42);
    assertThat(seen).hasSize(ReadAhead.BATCH + 2);
  }

  @Test
  void aStatementFailingMidwayIsThrownAfterTheRowsBeforeIt() {
    List<Integer> seen = new ArrayList<>();
    int failAt = ReadAhead.BATCH * 2 + 10;
    assertThatThrownBy(() -> tx.inWorkspaceSnapshot(workspace, () -> {
      ReadAhead.stream(tx.dsl().select(DSL.field("n / (n - " + failAt + ")", Integer.class).as("q"), N)
          .from(DSL.generateSeries(1, failAt * 2).as("s", "n")), row -> row.get(N), seen::add); // no sort: rows computed as fetched
      return null;
    })).isInstanceOf(DataAccessException.class);
    assertThat(seen).isNotEmpty().hasSizeLessThan(failAt).allSatisfy(n -> assertThat(n).isLessThan(failAt));
  }

  @Test
  void anEmptyResultHandsNothing() {
    List<Integer> seen = new ArrayList<>();
    tx.inWorkspaceSnapshot(workspace, () -> {
      ReadAhead.stream(tx.dsl().select(N).from(DSL.generateSeries(1, 0).as("s", "n")), row -> row.get(N), seen::add);
      return null;
    });
    assertThat(seen).isEmpty();
  }
}
