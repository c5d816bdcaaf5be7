package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.app.bench.ApiBench;
import dev.custodian.crm.app.bench.ImportExportBench;
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
 * A small, untimed {@code bench --rows 2000} through the command line: it proves the whole bench
 * works (scratch server and role, both files, COPY both ways, the import polled to completed, both
 * exports, each step's row count checked by the bench itself, the table), not how fast anything is.
 */
class BenchImportExportTest {

  private static final List<String> STEPS = List.of("COPY FROM (BYPASSRLS)", "import over HTTP",
      "COPY TO (crm_app)", "export csv over HTTP", "export ndjson over HTTP");

  @Test
  void givenASmallRun_thenEveryStepOfBothRunsFinishedWithEveryRow_andTheTableHasItsColumns_andTheScratchIsGone()
      throws Exception {
    Set<Path> scratchBefore = scratchDirectories();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"bench", "--rows", "2000"}, Map.of("CRM_DATA_DIR", "/nonexistent/real-data"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(table.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")).containsExactly(
        "step", "rows", "run", "seconds", "rows/s", "vs", "COPY", "goal", "peak", "heap", "MiB");
    for (String step : STEPS) {
      List<String> rows = table.lines().filter(line -> line.startsWith(step + " ")).toList();
      assertThat(rows).as("one row per run of %s in%n%s", step, table).hasSize(2);
      for (int run = 0; run < 2; run++) {
        // step, then: rows run seconds rows/s vs-COPY goal peak-heap
        String[] cells = rows.get(run).substring(step.length()).trim().split("\\s+");
        assertThat(cells).as(rows.get(run)).hasSize(7);
        assertThat(cells[0]).as("rows: %s", rows.get(run)).isEqualTo("2000");
        assertThat(cells[1]).as("run: %s", rows.get(run)).isEqualTo(String.valueOf(run + 1));
        assertThat(Double.parseDouble(cells[2])).as("seconds: %s", rows.get(run)).isPositive();
        assertThat(Double.parseDouble(cells[3])).as("rows/s: %s", rows.get(run)).isPositive();
        if (step.startsWith("COPY")) {
          assertThat(cells[4]).isEqualTo("-");
          assertThat(cells[5]).isEqualTo("-");
        } else {
          assertThat(Double.parseDouble(cells[4])).as("ratio to COPY: %s", rows.get(run)).isPositive();
          assertThat(cells[5]).isEqualTo(step.startsWith("import") ? "0.3" : "0.5");
        }
        assertThat(Long.parseLong(cells[6])).as("peak heap: %s", rows.get(run)).isPositive();
      }
    }
    assertThat(table).contains("import over HTTP, 2000 rows, run 1: upload and staging ");
    assertThat(scratchDirectories()).as("the scratch CRM_DATA_DIR is deleted").isSubsetOf(scratchBefore);
  }

  @Test
  void givenBadArguments_thenUsageAndExitTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"bench", "--rows"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"bench", "--rows", "0"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"bench", "--rows", "10,x"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"bench", "apx"}, Map.of(), stream)).isEqualTo(2);

    String usage = "usage: java -jar crm-app.jar " + ImportExportBench.USAGE + "  |  " + ApiBench.USAGE;
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "crm-app bench: --rows needs a value", usage,
        "crm-app bench: --rows must be whole numbers from 1 to 10000000, comma-separated", usage,
        "crm-app bench: --rows must be whole numbers from 1 to 10000000, comma-separated", usage,
        "crm-app bench: unknown option apx (the benchmarks are `bench api` and `bench [--rows N,...]`)", usage);
  }

  private static Set<Path> scratchDirectories() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("crm-bench")).collect(Collectors.toSet());
    }
  }
}
