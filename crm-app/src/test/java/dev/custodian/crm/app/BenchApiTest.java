package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.bench.ApiBench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A small, untimed {@code bench api} run through the command line: it proves the whole bench works
 * (scratch server, sign-up through the mail file, seeding, the cursor walk, the ceiling, the
 * table), not how fast anything is.
 */
class BenchApiTest {

  private static final List<String> SCENARIOS = List.of("GET contact (cookie)", "GET contact (API key)",
      "POST contact (cookie)", "list page 1 (cookie)", "list page 6 (cookie)", "ceiling: SELECT",
      "ceiling: tx SELECT", "ceiling: INSERT");

  @Test
  void givenASmallRun_thenTheTablePrintsEveryScenarioWithThroughputAndStatementsAndCleansUp_onTheCallersPoolSize() throws Exception {
    Set<Path> scratchBefore = scratchDirectories();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    // 300 contacts are 6 pages of 50: the deep page is the last full one; of the caller's
    // variables the pool size alone reaches the scratch server (and the ceiling)
    int code = Main.run(new String[] {"bench", "api", "--contacts", "300", "--seconds", "1", "--connections", "2"},
        Map.of("CRM_DATABASE_POOL_SIZE", "3", "CRM_DATA_DIR", "/nonexistent/real-data"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(table.lines().findFirst().orElseThrow())
        .endsWith("pool of 3 connections for the server and for the ceiling");
    for (String scenario : SCENARIOS) {
      List<String> rows = table.lines().filter(line -> line.startsWith(scenario + " ")).toList();
      assertThat(rows).as("one row of %s in%n%s", scenario, table).hasSize(1);
      // scenario, then: conns req/s p50 p99 vs-SELECT vs-tx vs-INSERT stmt/req trips/req cpu errors
      String[] cells = rows.get(0).substring(scenario.length()).trim().split("\\s+");
      assertThat(cells).as(rows.get(0)).hasSize(11);
      assertThat(cells[0]).as("connections: %s", rows.get(0)).isEqualTo("2");
      assertThat(Double.parseDouble(cells[1])).as("requests/s: %s", rows.get(0)).isPositive();
      assertThat(Double.parseDouble(cells[7])).as("statements per request: %s", rows.get(0)).isPositive();
      assertThat(Double.parseDouble(cells[8])).as("round trips per request: %s", rows.get(0))
          .isGreaterThanOrEqualTo(Double.parseDouble(cells[7]));
      assertThat(cells[10]).as("errors: %s", rows.get(0)).isEqualTo("0");
    }
    assertThat(scratchDirectories()).as("the scratch CRM_DATA_DIR is deleted").isSubsetOf(scratchBefore);
  }

  @Test
  void givenBadArguments_thenUsageAndExitTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"bench", "api", "--contacts", "10"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"bench", "api", "--seconds"}, Map.of(), stream)).isEqualTo(2);

    String usage = "usage: java -jar crm-app.jar " + ApiBench.USAGE;
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "crm-app bench: --contacts must be a whole number from 100 to 10000000", usage,
        "crm-app bench: --seconds needs a value", usage);
  }

  @Test
  void givenABadPoolSize_thenTheConfigurationLineAndExitTwo_andNoScratchDirectoryLeft() throws IOException {
    Set<Path> scratchBefore = scratchDirectories();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertThat(Main.run(new String[] {"bench", "api"}, Map.of("CRM_DATABASE_POOL_SIZE", "1"),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "crm-app bench: configuration error: CRM_DATABASE_POOL_SIZE must be a whole number from 2 to 200");
    assertThat(scratchDirectories()).isSubsetOf(scratchBefore);
  }

  private static Set<Path> scratchDirectories() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("crm-bench")).collect(Collectors.toSet());
    }
  }
}
