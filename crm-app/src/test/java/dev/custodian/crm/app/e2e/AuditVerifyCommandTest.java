package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.Main;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code crm-app.jar audit-verify}: every chain checked, exit 0 when all verify, non-zero on a break (SEC-09). */
class AuditVerifyCommandTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @DisplayName("SEC-09: audit-verify checks every chain and exits non-zero once one is broken")
  void verifiesEveryChain() throws Exception {
    Map<String, String> env = TestApp.environmentFor(db);
    try (TestApp app = TestApp.start(env).signIn()) {
      String workspace = ApiTestSupport.workspace(app);
      String contact = ApiTestSupport.ada(app, workspace);
      assertThat(app.delete("/api/v1/workspaces/" + workspace + "/contacts/" + contact).statusCode()).isEqualTo(204);

      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(Main.run(new String[] {"audit-verify"}, env, new PrintStream(err, true, StandardCharsets.UTF_8)))
          .as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 audit chain(s) checked, 0 broken");

      try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
        st.execute("set session_replication_role = replica");
        st.executeUpdate("update audit_entries set outcome = 'failed' where tenant_id = '" + workspace
            + "' and sequence = 1");
      }
      ByteArrayOutputStream broken = new ByteArrayOutputStream();
      assertThat(Main.run(new String[] {"audit-verify"}, env, new PrintStream(broken, true, StandardCharsets.UTF_8)))
          .as(broken.toString(StandardCharsets.UTF_8)).isEqualTo(3);
      assertThat(broken.toString(StandardCharsets.UTF_8)).contains("1 broken");
    }
  }
}
