package dev.custodian.crm.app;

import dev.custodian.crm.app.bench.ApiBench;
import dev.custodian.crm.app.bench.ConsentRace;
import dev.custodian.crm.app.bench.ImportExportBench;
import dev.custodian.crm.app.database.DatabaseConnection;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.retention.DueRows;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.persistence.common.StatementCounter;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line of crm-app.jar: {@code serve} runs the server, {@code migrate} the migrations,
 * {@code audit-verify} checks every audit chain (exit 3 when one is broken), {@code retention-dry-run}
 * lists what a retention run would delete now (per workspace and class) and {@code retention-runs}
 * the history of the runs, with their counts; {@code bench api} measures the cost of the API's
 * requests on a scratch server, {@code bench [--rows ...]} the import and list exports against
 * PostgreSQL's {@code COPY} on one, and {@code consent-race} runs CON-02's unsubscribe race at full
 * size on one.
 */
public final class Main {

  static final String USAGE = "usage: java -jar crm-app.jar serve|migrate|audit-verify|retention-dry-run|retention-runs|"
      + ApiBench.USAGE + "|" + ImportExportBench.USAGE + "|" + ConsentRace.USAGE
      + "  (configuration from CRM_* environment variables; see the README)";

  /** How many runs {@code retention-runs} lists. */
  static final int RETENTION_RUNS_LISTED = 50;

  /** The exit code of {@code audit-verify} when a chain is broken. */
  static final int AUDIT_BROKEN = 3;

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.err);
    if (code != 0 || !(args.length == 1 && args[0].equals("serve"))) {
      System.exit(code); // serve keeps running on the HTTP threads until SIGTERM
    }
  }

  /**
   * Runs a command; returns the exit code (0 ok, 1 failure, 2 usage or configuration). A serving
   * process may later exit with {@link dev.custodian.crm.app.database.EmbeddedPostgresWatchdog#EXIT_CODE}.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream err) {
    return run(args, env, System.out, err);
  }

  /** As {@link #run(String[], Map, PrintStream)}; a command's result (the bench's table) goes to {@code out}. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length >= 1 && args[0].equals("bench")) {
      // a scratch configuration of its own: the caller's CRM_* variables must not point it at real
      // data; only the pool size is taken from them
      List<String> rest = List.of(args).subList(1, args.length);
      return rest.isEmpty() || !rest.get(0).equals("api")
          ? ImportExportBench.run(rest, env, out, err, Main::benchTarget)
          : ApiBench.run(rest, env, out, err, Main::benchTarget);
    }
    if (args.length >= 1 && args[0].equals("consent-race")) {
      // a scratch configuration of its own, none of the caller's variables
      return ConsentRace.run(List.of(args).subList(1, args.length), out, err, Main::benchTarget);
    }
    if (args.length != 1 || !List.of("serve", "migrate", "audit-verify", "retention-dry-run", "retention-runs").contains(args[0])) {
      err.println(USAGE);
      return 2;
    }
    AppConfig config;
    try {
      config = AppConfig.fromEnvironment(env);
    } catch (ConfigException e) {
      err.println("crm-app: configuration error: " + e.getMessage());
      return 2;
    }
    try {
      if (args[0].equals("serve")) {
        CrmServer server = CrmServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "crm-shutdown"));
      } else if (args[0].equals("audit-verify")) {
        return auditVerify(config, out, err);
      } else if (args[0].equals("retention-dry-run")) {
        return retentionDryRun(config, out, err);
      } else if (args[0].equals("retention-runs")) {
        return retentionRuns(config, out, err);
      } else {
        int applied = CrmServer.migrate(config);
        err.println("crm-app: " + applied + " migration(s) applied; the schema is up to date");
      }
      return 0;
    } catch (StartupException e) {
      err.println("crm-app: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      log.debug("Unexpected failure", e);
      err.println("crm-app: unexpected failure (" + e.getClass().getName() + ")");
      return 1;
    }
  }

  /** Verifies every audit chain: one line per chain on {@code out}; 0 when all verify, {@link #AUDIT_BROKEN} otherwise. */
  private static int auditVerify(AppConfig config, PrintStream out, PrintStream err) {
    List<AuditVerification> results = CrmServer.auditVerify(config);
    long broken = 0;
    for (AuditVerification result : results) {
      String chain = result.chain().isPlatform() ? "platform" : "workspace " + result.chain().label();
      if (result.valid()) {
        out.println(chain + ": valid, " + result.entries() + " entries");
      } else {
        broken++;
        AuditVerification.Break first = result.firstBreak().orElseThrow();
        out.println(chain + ": BROKEN at entry " + first.sequence() + " (" + first.kind().label() + ")");
      }
    }
    err.println("crm-app: " + results.size() + " audit chain(s) checked, " + broken + " broken");
    return broken == 0 ? 0 : AUDIT_BROKEN;
  }

  /**
   * What a retention run would delete now, changing nothing: one line per workspace (or the
   * platform), class and table on {@code out}, the total on {@code err}.
   */
  private static int retentionDryRun(AppConfig config, PrintStream out, PrintStream err) {
    RetentionReport report = CrmServer.retentionDryRun(config);
    for (DueRows due : report.rows()) {
      out.println(due.workspace().map(w -> "workspace " + w.value()).orElse("platform") + ": "
          + due.step().dataClass() + " (" + due.step().table() + "): " + due.rows());
    }
    err.println("crm-app: dry run at " + report.at() + ": a run would delete " + report.total() + " row(s); "
        + report.purged().size() + " workspace(s) due for their purge; nothing was changed");
    return 0;
  }

  /** The latest retention runs, one line each on {@code out}: times, workspaces purged, rows per class. */
  private static int retentionRuns(AppConfig config, PrintStream out, PrintStream err) {
    List<RetentionRun> runs = CrmServer.retentionRuns(config, RETENTION_RUNS_LISTED);
    for (RetentionRun run : runs) {
      out.println("run " + run.id() + ": started " + run.startedAt() + ", "
          + run.finishedAt().map(at -> "finished " + at).orElse("not finished (died, or still going)") + ", "
          + run.workspacesPurged() + " workspace(s) purged, " + run.total() + " row(s) deleted"
          + new TreeMap<>(run.deleted()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ", run.deleted().isEmpty() ? "" : ": ", "")));
    }
    err.println("crm-app: " + runs.size() + " retention run(s) listed, the latest first");
    return 0;
  }

  /** The real server, started on the bench's scratch environment, as the bench sees it. */
  private static ApiBench.Server benchTarget(Map<String, String> env) {
    CrmServer server = CrmServer.start(AppConfig.fromEnvironment(env));
    return new ApiBench.Server() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public int poolSize() {
        return server.poolSize();
      }

      @Override
      public DatabaseConnection database() {
        return server.database();
      }

      @Override
      public StatementCounter statements() {
        return server.statements();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }
}
