package dev.custodian.crm.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory workspace table that every fake builds on: its isolation, keys and paging. */
class InMemoryTenantTableTest {

  private record Row(WorkspaceId workspace, UUID id, String unique, Instant at) {}

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryTenantTable<UUID, Row> table =
      InMemoryTenantTable.builder(tx, Row::workspace, Row::id)
          .unique(Row::unique, "taken")
          .walkOrder(Row::at, Row::id)
          .build();
  private final WorkspaceId a = WorkspaceId.of(UUID.randomUUID());
  private final WorkspaceId b = WorkspaceId.of(UUID.randomUUID());

  private Row row(WorkspaceId workspace, String unique) {
    return new Row(workspace, UUID.randomUUID(), unique, Instant.now());
  }

  @Test
  void rowsOfAnotherWorkspaceAreNeitherVisibleNorWritable() {
    Row inA = row(a, "x");
    tx.inWorkspace(a, () -> { table.insert(inA); return null; });

    tx.inWorkspace(b, () -> {
      assertThat(table.find(a, inA.id())).isEmpty();
      assertThat(table.visible(a)).isEmpty();
      assertThat(table.remove(a, inA.id())).isFalse();
      assertThatThrownBy(() -> table.insert(row(a, "y"))).isInstanceOf(IllegalStateException.class);
      return null;
    });
    assertThat(tx.inWorkspace(a, () -> table.find(a, inA.id()))).contains(inA);
  }

  @Test
  void uniqueValuesAreUniquePerWorkspace_andAFailedTransactionLeavesNothing() {
    tx.inWorkspace(a, () -> { table.insert(row(a, "x")); return null; });

    assertThatThrownBy(() -> tx.inWorkspace(a, () -> { table.insert(row(a, "y")); table.insert(row(a, "x")); return null; }))
        .isInstanceOf(ConflictException.class);
    assertThat(tx.inWorkspace(a, () -> table.visible(a).count())).isEqualTo(1L);
    tx.inWorkspace(b, () -> { table.insert(row(b, "x")); return null; });
  }

  @Test
  void walking10000Rows_whileOthersAreInserted_returnsEachExistingOneExactlyOnceInOrder() throws Exception {
    KeysetWalkCheck.walk10000WhileOthersAreInserted(new KeysetWalkCheck.Store<Row>() {
      @Override
      public void insert(List<KeysetWalkCheck.Position> positions) {
        tx.inWorkspace(a, () -> {
          positions.forEach(p -> table.insert(new Row(a, p.id(), p.id().toString(), p.createdAt())));
          return null;
        });
      }

      @Override
      public Page<Row> list(PageRequest request) {
        return tx.inWorkspace(a, () -> table.page(a, request));
      }
    }, row -> new KeysetWalkCheck.Position(row.at(), row.id()));
  }
}
