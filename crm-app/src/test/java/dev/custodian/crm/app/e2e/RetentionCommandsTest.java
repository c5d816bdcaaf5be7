package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.Main;
import dev.custodian.crm.app.RetentionConfig;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operators' retention commands: {@code crm-app.jar retention-dry-run} (what a run would
 * delete, per workspace and class, changing nothing) and {@code retention-runs} (the history of
 * the job's runs, with their counts).
 */
class RetentionCommandsTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private record Output(int code, String out, String err) {}

  private static Output command(Map<String, String> env, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {name}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String status(String workspace) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select status from workspaces where id = '" + workspace + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Runs in the history that finished, having purged a workspace. */
  private static long finishedRunsPurging() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from retention_runs where finished_at is not null"
            + " and workspaces_purged > 0")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  @DisplayName("RET-03: retention-dry-run lists a due workspace's rows per class and changes nothing; retention-runs then lists the job's run with its counts")
  void operatorsSeeWhatARunWouldDoAndWhatRunsDid() throws Exception {
    Map<String, String> env = new HashMap<>(TestApp.environmentFor(db));
    env.put(RetentionConfig.ENABLED, "false");
    String workspace;
    try (TestApp app = TestApp.start(env).signIn()) {
      workspace = ApiTestSupport.workspace(app);
      ApiTestSupport.ada(app, workspace);
      assertThat(app.postJson("/api/v1/workspaces/" + workspace + "/cancel", "").statusCode()).isEqualTo(200);
    }
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("update workspaces set cancelled_at = now() - interval '31 days', purge_at = now() - interval "
          + "'1 day' where id = '" + workspace + "'");
    }
    long contacts = TestApp.count(db, "contacts");

    Output dry = command(env, "retention-dry-run");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("workspace " + workspace + ": contact (contacts): 1")
        .contains("workspace " + workspace + ": membership (memberships): 1");
    assertThat(dry.err()).contains("1 workspace(s) due for their purge; nothing was changed");
    assertThat(TestApp.count(db, "contacts")).isEqualTo(contacts);
    assertThat(status(workspace)).isEqualTo("CANCELLED");

    Map<String, String> job = new HashMap<>(env);
    job.put(RetentionConfig.ENABLED, "true");
    job.put(RetentionConfig.INTERVAL, "PT1S");
    job.put(RetentionConfig.BATCH_SIZE, "1");
    try (TestApp ignored = TestApp.start(job)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (finishedRunsPurging() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    assertThat(status(workspace)).isEqualTo("PURGED");
    Output runs = command(env, "retention-runs");
    assertThat(runs.code()).as(runs.err()).isZero();
    assertThat(runs.out()).containsPattern("run [0-9a-f-]{36}: started \\S+, finished \\S+, 1 workspace\\(s\\) purged, "
        + "\\d+ row\\(s\\) deleted: .*contact=1");
    assertThat(runs.err()).contains("retention run(s) listed, the latest first");
  }
}
