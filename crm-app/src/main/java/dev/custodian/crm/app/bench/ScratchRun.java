package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The skeleton every measuring command runs in: a temporary {@code CRM_DATA_DIR}, the scratch
 * server (embedded PostgreSQL) started on it, the command's measurement, its output, failures
 * mapped to exit codes (1 failed or interrupted, 2 a configuration error) and the directory deleted
 * at the end. The commands keep their own measuring code and output.
 */
final class ScratchRun {

  /** What a command measures on its scratch server: its output and exit code, or an exception (exit 1). */
  @FunctionalInterface
  interface Measure {
    Outcome measure(ApiBench.Server server, Path dataDir) throws Exception;
  }

  /** What the command prints to {@code out}, and the exit code it answers. */
  record Outcome(String output, int exitCode) {
  }

  private ScratchRun() {
  }

  /**
   * Runs one measurement on a scratch server and returns its exit code.
   *
   * @param command the command's name, the prefix of its error lines ({@code crm-app <command>: ...})
   * @param tempPrefix the temporary data directory's name prefix
   * @param settings the scratch server's settings beyond its own directory and port (see
   *     {@link #environment})
   * @param start starts the server on the given {@code CRM_*} environment
   */
  static int run(String command, String tempPrefix, Map<String, String> settings,
      Function<Map<String, String>, ApiBench.Server> start, Measure measure, PrintStream out, PrintStream err) {
    Path dataDir = null;
    try {
      dataDir = Files.createTempDirectory(tempPrefix); // mode 0700, as CRM_DATA_DIR must be
      Outcome outcome;
      try (ApiBench.Server server = start.apply(environment(dataDir, settings))) {
        outcome = measure.measure(server, dataDir);
      }
      out.print(outcome.output());
      out.flush();
      return outcome.exitCode();
    } catch (Exception e) {
      return failed(command, e, err);
    } finally {
      deleteQuietly(dataDir, err);
    }
  }

  /** Reports a failure of {@code command} on {@code err} and answers its exit code. */
  static int failed(String command, Exception e, PrintStream err) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      err.println("crm-app " + command + ": interrupted");
      return 1;
    }
    if (e instanceof ConfigException) { // a setting the caller passed on, e.g. the pool size
      err.println("crm-app " + command + ": configuration error: " + e.getMessage());
      return 2;
    }
    err.println("crm-app " + command + ": failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    return 1;
  }

  /**
   * The scratch server's configuration: its own data directory and a free loopback port, plus the
   * command's {@code settings}. No other variable of the caller's is passed on, so none can point a
   * measurement at real data.
   */
  static Map<String, String> environment(Path dataDir, Map<String, String> settings) {
    Map<String, String> scratch = new HashMap<>(settings);
    scratch.put(AppConfig.DATA_DIR, dataDir.toString());
    scratch.put(AppConfig.HTTP_HOST, "127.0.0.1");
    scratch.put(AppConfig.HTTP_PORT, "0");
    return Map.copyOf(scratch);
  }

  /** The caller's pool size if set (the server validates it): the one caller's setting a bench passes on. */
  static Map<String, String> callersPoolSize(Map<String, String> env) {
    String poolSize = env.get(AppConfig.DATABASE_POOL_SIZE);
    return poolSize == null ? Map.of() : Map.of(AppConfig.DATABASE_POOL_SIZE, poolSize);
  }

  private static void deleteQuietly(Path dir, PrintStream err) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      err.println("crm-app bench: could not delete " + dir + " (" + e.getClass().getSimpleName() + "); delete it by hand");
    }
  }
}
