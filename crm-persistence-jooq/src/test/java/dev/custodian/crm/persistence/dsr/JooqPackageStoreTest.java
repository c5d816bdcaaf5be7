package dev.custodian.crm.persistence.dsr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.dsr.AbstractPackageStoreContractTest;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqPackageStoreTest extends AbstractPackageStoreContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected PackageStore packageStore() {
    return db.persistence().packageStore();
  }

  @Test
  @DisplayName("TEN-02: raw SQL as crm_app sees only the bound workspace's package chunks")
  void givenChunksOfTwoWorkspaces_whenReadAsTheAppRole_thenOnlyTheBoundOnesShow() throws SQLException {
    Instant now = Instant.now();
    for (WorkspaceId workspace : List.of(a, b)) {
      UUID id = UUID.randomUUID();
      run(workspace, () -> {
        store.create(workspace, id, UUID.randomUUID(), now, now.plusSeconds(60));
        store.appendChunk(workspace, id, 0, new byte[] {1});
      });
    }
    List<UUID> seenByA = db.asApp(a.value(), c -> tenants(c.createStatement()));
    List<UUID> seenByB = db.asApp(b.value(), c -> tenants(c.createStatement()));
    List<UUID> seenByNone = db.asApp(null, c -> tenants(c.createStatement()));
    assertThat(seenByA).containsExactly(a.value());
    assertThat(seenByB).containsExactly(b.value());
    assertThat(seenByNone).isEmpty();
  }

  private static List<UUID> tenants(Statement st) throws SQLException {
    List<UUID> tenants = new ArrayList<>();
    try (st; ResultSet rs = st.executeQuery("select tenant_id from dsr_package_chunks")) {
      while (rs.next()) {
        tenants.add(rs.getObject(1, UUID.class));
      }
    }
    return tenants;
  }
}
