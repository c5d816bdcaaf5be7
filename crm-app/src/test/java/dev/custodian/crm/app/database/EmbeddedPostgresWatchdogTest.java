package dev.custodian.crm.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.persistence.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The watchdog's two other outcomes on a real embedded PostgreSQL: not alive while the database
 * is down and no recovery runs, and an exit with its own code after two failed restarts.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class EmbeddedPostgresWatchdogTest {

  @Test
  void givenPostmasterKilled_whenNotRecovering_thenNotAlive_andWhenRestartFailsTwice_thenExitsWithItsCode()
      throws Exception {
    Path dataDir = Path.of("target", "embedded-watchdog-" + UUID.randomUUID().toString().substring(0, 8))
        .toAbsolutePath();
    Path data = dataDir.resolve("postgres/data");
    try (EmbeddedPostgresDatabase database = EmbeddedPostgresDatabase.start(dataDir)) {
      CompletableFuture<Integer> exit = new CompletableFuture<>();
      try (EmbeddedPostgresWatchdog idle =
          EmbeddedPostgresWatchdog.start(database, Duration.ofHours(1), exit::complete)) {
        assertThat(idle.isAlive()).isTrue();
        ProcessHandle postmaster = ProcessHandle.of(
            Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip())).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        assertThat(idle.isAlive()).as("down, and no check has run to start it again").isFalse();
      }

      // a restart cannot succeed without its configuration: zonky would run initdb on a full directory
      Files.move(data.resolve("postgresql.conf"), data.resolve("postgresql.conf.away"));
      try (LogCapture logs = new LogCapture();
          EmbeddedPostgresWatchdog watchdog =
              EmbeddedPostgresWatchdog.start(database, Duration.ofMillis(200), exit::complete)) {
        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(EmbeddedPostgresWatchdog.EXIT_CODE);
        assertThat(watchdog.isAlive()).isFalse();
        assertThat(logs.lines()).filteredOn(line -> line.startsWith(
                EmbeddedPostgresWatchdog.class.getName() + " The embedded PostgreSQL died"))
            .singleElement().asString().contains("exiting with code 3");
      }
    }
    deleteRecursively(dataDir);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
