package dev.custodian.crm.persistence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.UUID;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqTransactionsTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static Record2<String, Integer> tenantSettingAndBackend(JooqTransactions tx) {
    return tx.dsl()
        .select(DSL.field("current_setting('crm.tenant_id', true)", String.class),
            DSL.field("pg_backend_pid()", Integer.class))
        .fetchOne();
  }

  @Test
  @DisplayName("TEN-01: the workspace setting of a transaction is gone for the next borrower of the same connection")
  void tenantSettingDoesNotLeakToTheNextBorrower() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());

    Record2<String, Integer> inside = tx.inWorkspace(workspace, () -> tenantSettingAndBackend(tx));
    Record2<String, Integer> after = tx.inPlatform(() -> tenantSettingAndBackend(tx));

    assertThat(inside.value1()).isEqualTo(workspace.toString());
    assertThat(after.value2()).as("same physical connection").isEqualTo(inside.value2());
    assertThat(after.value1()).as("workspace setting after the transaction").isNullOrEmpty();
  }

  @Test
  void givenTenantTransactionFailed_thenTheNextBorrowerIsCleanToo() {
    HikariDataSource poolOfOne = db.pool(DatabaseRoles.APP, db.appPassword(), 1);
    JooqTransactions tx = new JooqTransactions(poolOfOne);
    assertThatThrownBy(() -> tx.inWorkspace(WorkspaceId.of(UUID.randomUUID()), () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(tx.inPlatform(() -> tenantSettingAndBackend(tx)).value1()).isNullOrEmpty();
  }
}
