package dev.custodian.crm.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.database.Credentials;
import dev.custodian.crm.app.database.DatabaseConnection;
import dev.custodian.crm.app.database.EmbeddedPostgresDatabase;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code bench [--rows 100000,1000000]}: how close the import and the list exports come to
 * PostgreSQL's own {@code COPY}. It starts a scratch server in-process (embedded PostgreSQL in a
 * temporary {@code CRM_DATA_DIR}, deleted at the end), signs up one account through the API and,
 * per size, twice and interleaved, each time in fresh workspaces: {@code COPY FROM} a file of the
 * rows into {@code contacts} as a scratch {@code BYPASSRLS} role (COPY FROM refuses a table under
 * row-level security) against the same rows as a CSV file imported over HTTP (POST, then polled to
 * {@code completed}); {@code COPY (SELECT ...) TO STDOUT} as {@code crm_app} in the tenant
 * transaction against the list export over HTTP, as CSV and as NDJSON, of the imported workspace.
 * Every step's row count is checked; the table gives each step's time, rows a second, its ratio to
 * the COPY of the same run, the goal, and the JVM's peak heap during the step.
 */
public final class ImportExportBench {

  /** The command's synopsis, after {@code java -jar crm-app.jar}. */
  public static final String USAGE = "bench [--rows 100000,1000000]";

  static final List<Integer> DEFAULT_ROWS = List.of(100_000, 1_000_000);
  static final int RUNS = 2;
  static final double IMPORT_GOAL = 0.3;
  static final double EXPORT_GOAL = 0.5;

  private static final String BYPASSING_ROLE = "crm_bench_copy";
  private static final String ROW = "%-26s %9s %4s %9s %11s %8s %5s %14s%n";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration JOB_TIMEOUT = Duration.ofHours(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COPY_COLUMNS = "tenant_id, id, first_name, last_name, last_name_sort, email,"
      + " email_normalised, phone, job_title, created_at, updated_at, version";
  /** The contact export's columns, from the same join, in the list's default order. */
  private static final String COPY_OUT = "copy (select c.id, c.email, c.first_name, c.last_name, c.phone,"
      + " c.job_title, co.domain, c.created_at, c.updated_at from contacts c left join companies co"
      + " on co.tenant_id = c.tenant_id and co.id = c.company_id order by c.created_at, c.id)"
      + " to stdout (format csv, header)";

  /** The steps, in the order each run takes them. */
  enum Step {
    COPY_FROM("COPY FROM (BYPASSRLS)", null),
    IMPORT("import over HTTP", IMPORT_GOAL),
    COPY_TO("COPY TO (crm_app)", null),
    EXPORT_CSV("export csv over HTTP", EXPORT_GOAL),
    EXPORT_NDJSON("export ndjson over HTTP", EXPORT_GOAL);

    final String label;
    final Double goal;

    Step(String label, Double goal) {
      this.label = label;
      this.goal = goal;
    }

    /** The COPY this step is compared with. */
    Step baseline() {
      return this == IMPORT || this == COPY_FROM ? COPY_FROM : COPY_TO;
    }
  }

  /** One step of one run. */
  record Result(Step step, int rows, int run, double seconds, long peakHeapBytes, String note) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private final ApiBench.Server server;
  private final Path dataDir;
  private final Path files;
  private final PrintStream progress;
  private final HttpClient http;
  private final URI base;
  private String cookie;

  private ImportExportBench(ApiBench.Server server, Path dataDir, PrintStream progress) throws IOException {
    this.server = server;
    this.dataDir = dataDir;
    this.files = Files.createDirectories(dataDir.resolve("bench-files"));
    this.progress = progress;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  /**
   * Runs {@code bench [--rows ...]}: the table to {@code out}, progress to {@code err}; returns the
   * exit code (0 done, 1 failed, 2 bad arguments).
   *
   * @param args the arguments after {@code bench}
   * @param env the caller's environment: only {@code CRM_DATABASE_POOL_SIZE} is read from it
   * @param start starts the server on the given {@code CRM_*} environment
   */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err,
      Function<Map<String, String>, ApiBench.Server> start) {
    List<Integer> sizes;
    try {
      sizes = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("crm-app bench: " + e.getMessage());
      err.println("usage: java -jar crm-app.jar " + USAGE + "  |  " + ApiBench.USAGE);
      return 2;
    }
    return ScratchRun.run("bench", "crm-bench", ScratchRun.callersPoolSize(env), start,
        (server, dataDir) -> new ScratchRun.Outcome(
            format(new ImportExportBench(server, dataDir, err).measure(sizes), sizes), 0), out, err);
  }

  /** The sizes asked for; {@link #DEFAULT_ROWS} without {@code --rows}. */
  static List<Integer> parse(List<String> args) {
    if (args.isEmpty()) {
      return DEFAULT_ROWS;
    }
    if (!args.get(0).equals("--rows")) {
      throw new IllegalArgumentException("unknown option " + args.get(0) + " (the benchmarks are `bench api` and `bench [--rows N,...]`)");
    }
    if (args.size() != 2) {
      throw new IllegalArgumentException(args.size() < 2 ? "--rows needs a value" : "unexpected " + args.get(2));
    }
    List<Integer> sizes = new ArrayList<>();
    for (String part : args.get(1).split(",")) {
      try {
        int n = Integer.parseInt(part.strip());
        if (n >= 1 && n <= 10_000_000) {
          sizes.add(n);
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--rows must be whole numbers from 1 to 10000000, comma-separated");
    }
    return List.copyOf(sizes);
  }

  private List<Result> measure(List<Integer> sizes) throws Exception {
    progress.println("bench: signing up, verifying and signing in through the API");
    BenchAccount account = BenchAccount.create(http, base, dataDir.resolve("mail"));
    cookie = account.sessionCookie();
    DatabaseConnection db = server.database();
    Credentials bypassing = bypassingRole(db);
    List<Result> results = new ArrayList<>();
    for (int rows : sizes) {
      Path csv = files.resolve("contacts-" + rows + ".csv");
      writeImportFile(csv, rows);
      for (int run = 1; run <= RUNS; run++) {
        progress.printf("bench: %d rows, run %d of %d%n", rows, run, RUNS);
        UUID copied = createWorkspace("Bench COPY " + rows + " " + run);
        Path copyFile = files.resolve("copy-" + rows + ".csv");
        writeCopyFile(copyFile, copied, rows);
        results.add(copyFrom(db, bypassing, copied, copyFile, rows, run));
        Files.delete(copyFile);

        UUID imported = createWorkspace("Bench import " + rows + " " + run);
        results.add(importOverHttp(imported, csv, rows, run));
        results.add(copyTo(db, imported, rows, run));
        results.add(export(imported, "csv", Step.EXPORT_CSV, rows, run));
        results.add(export(imported, "ndjson", Step.EXPORT_NDJSON, rows, run));
      }
      Files.delete(csv);
    }
    return results;
  }

  /**
   * A scratch role that bypasses row-level security, made by the embedded superuser in this
   * scratch database only: COPY FROM refuses a table under row-level security, and crm_owner is
   * under it too (FORCE). It may read and insert contacts, nothing else.
   */
  private Credentials bypassingRole(DatabaseConnection db) throws IOException, SQLException {
    Credentials superuser = EmbeddedPostgresDatabase.superuserOf(dataDir);
    Credentials role = new Credentials(BYPASSING_ROLE, "bench-" + UUID.randomUUID());
    try (Connection c = PostgresDataSources.unpooled(db.jdbcUrl(), superuser.user(), superuser.password())
        .getConnection(); Statement st = c.createStatement()) {
      st.execute("create role " + BYPASSING_ROLE + " login bypassrls nosuperuser");
      c.unwrap(PGConnection.class).alterUserPassword(role.user(), role.password().toCharArray(), "scram-sha-256");
      st.execute("grant select, insert on contacts to " + BYPASSING_ROLE);
    }
    return role;
  }

  /** The import's file: a header, then one contact a line, as a person's export might be. */
  private static void writeImportFile(Path file, int rows) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("email,firstName,lastName,phone,jobTitle\r\n");
      for (int n = 0; n < rows; n++) {
        w.write(email(n) + ",Bench,Contact " + n + "," + phone(n) + ",Engineer\r\n");
      }
    }
  }

  /** The same contacts as whole rows of {@code contacts}, as the import would store them. */
  private static void writeCopyFile(Path file, UUID workspace, int rows) throws IOException {
    Instant now = Instant.now();
    String at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).toString();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 0; n < rows; n++) {
        EmailAddress email = new EmailAddress(email(n));
        String last = "Contact " + n;
        w.write(workspace + "," + UUID.randomUUID() + ",Bench," + last + "," + TextOrder.key(last) + ","
            + email.value() + "," + email.normalised() + "," + new PhoneNumber(phone(n)).value() + ",Engineer,"
            + at + "," + at + ",1\n");
      }
    }
  }

  private static String email(int n) {
    return "Contact." + n + "@Bench.Example.org";
  }

  private static String phone(int n) {
    return String.format(Locale.ROOT, "+44 20 %08d", n);
  }

  private Result copyFrom(DatabaseConnection db, Credentials role, UUID workspace, Path file, int rows, int run)
      throws IOException, SQLException {
    try (Connection c = PostgresDataSources.unpooled(db.jdbcUrl(), role.user(), role.password()).getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      Heap heap = Heap.start();
      long started = System.nanoTime();
      long copied;
      try (InputStream in = Files.newInputStream(file)) {
        copied = copy.copyIn("copy contacts (" + COPY_COLUMNS + ") from stdin (format csv)", in, 1 << 16);
      }
      double seconds = seconds(started);
      long peak = heap.peak();
      long counted = count(c, workspace);
      requireRows(Step.COPY_FROM, rows, Math.min(copied, counted));
      return new Result(Step.COPY_FROM, rows, run, seconds, peak, "");
    }
  }

  private static long count(Connection c, UUID workspace) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("select count(*) from contacts where tenant_id = ?")) {
      st.setObject(1, workspace);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Result importOverHttp(UUID workspace, Path csv, int rows, int run) throws Exception {
    Heap heap = Heap.start();
    long started = System.nanoTime();
    HttpResponse<String> posted = send(HttpRequest.newBuilder(base.resolve("/api/v1/workspaces/" + workspace
            + "/imports?object=contacts&onDuplicate=fail&header=true"))
        .header("Content-Type", "text/csv; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofFile(csv)), 202);
    double staged = seconds(started);
    String job = JSON.readTree(posted.body()).path("id").asText();
    URI status = base.resolve("/api/v1/workspaces/" + workspace + "/imports/" + job);
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    JsonNode state;
    while (true) {
      state = JSON.readTree(send(HttpRequest.newBuilder(status).GET(), 200).body());
      String name = state.path("state").asText();
      if (!name.equals("queued") && !name.equals("running")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the import of " + rows + " rows did not finish within " + JOB_TIMEOUT);
      }
      Thread.sleep(POLL.toMillis());
    }
    double seconds = seconds(started);
    long peak = heap.peak();
    if (!state.path("state").asText().equals("completed") || state.path("failed").asLong() != 0) {
      throw new IllegalStateException("the import ended " + state.path("state").asText() + " with "
          + state.path("failed").asLong() + " failed rows");
    }
    requireRows(Step.IMPORT, rows, state.path("created").asLong());
    return new Result(Step.IMPORT, rows, run, seconds, peak,
        String.format(Locale.ROOT, "upload and staging %.2f s, batches %.2f s", staged, seconds - staged));
  }

  private Result copyTo(DatabaseConnection db, UUID workspace, int rows, int run) throws SQLException, IOException {
    Credentials app = db.app();
    try (Connection c = PostgresDataSources.unpooled(db.jdbcUrl(), app.user(), app.password()).getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      Heap heap = Heap.start();
      long started = System.nanoTime();
      c.setAutoCommit(false);
      try (PreparedStatement tenant = c.prepareStatement("select set_config('crm.tenant_id', ?, true)")) {
        tenant.setString(1, workspace.toString());
        tenant.execute();
      }
      long copied = copy.copyOut(COPY_OUT, OutputStream.nullOutputStream());
      c.commit();
      double seconds = seconds(started);
      requireRows(Step.COPY_TO, rows, copied);
      return new Result(Step.COPY_TO, rows, run, seconds, heap.peak(), "");
    }
  }

  /**
   * One list export, read to its end by {@link HttpURLConnection}: a reader about as light as the
   * driver's for {@code COPY TO}. (The JDK's {@code HttpClient}, in this same process on the same
   * cores, cost the server's export about a sixth of its rate in flow control and buffer copies.)
   */
  private Result export(UUID workspace, String format, Step step, int rows, int run) throws Exception {
    Heap heap = Heap.start();
    long started = System.nanoTime();
    HttpURLConnection connection = (HttpURLConnection) base.resolve(
        "/api/v1/workspaces/" + workspace + "/contacts/export?format=" + format).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setRequestProperty("Cookie", cookie);
    connection.setRequestProperty("Origin", base.getScheme() + "://" + base.getAuthority());
    long lines;
    try {
      if (connection.getResponseCode() != 200) {
        try (InputStream error = connection.getErrorStream()) {
          throw new IllegalStateException("the " + format + " export answered " + connection.getResponseCode() + ": "
              + (error == null ? "" : new String(error.readNBytes(2_000), StandardCharsets.UTF_8)));
        }
      }
      try (InputStream body = connection.getInputStream()) {
        lines = lines(body);
      }
    } finally {
      connection.disconnect();
    }
    double seconds = seconds(started);
    requireRows(step, rows, format.equals("csv") ? lines - 1 : lines); // the CSV's header
    return new Result(step, rows, run, seconds, heap.peak(), "");
  }

  /** Line feeds in the stream (the synthetic values hold none), read and dropped as they arrive. */
  private static long lines(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long lines = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }
    return lines;
  }

  private UUID createWorkspace(String name) throws IOException, InterruptedException {
    HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/api/v1/workspaces"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")), 201);
    return UUID.fromString(JSON.readTree(created.body()).path("id").asText());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(authorised(request).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
          + " answered " + response.statusCode() + " (expected " + expected + "): " + response.body());
    }
    // a rotated session token comes as a new cookie: keep it for the next request
    response.headers().firstValue("Set-Cookie").filter(set -> set.startsWith("__Host-crm_session="))
        .ifPresent(set -> cookie = set.substring(0, set.indexOf(';')));
    return response;
  }

  /** The session cookie, and the server's own origin as a browser sends it. */
  private HttpRequest.Builder authorised(HttpRequest.Builder request) {
    return request.timeout(Duration.ofHours(1)).header("Cookie", cookie)
        .header("Origin", base.getScheme() + "://" + base.getAuthority());
  }

  private static void requireRows(Step step, int expected, long actual) {
    if (actual != expected) {
      throw new IllegalStateException(step.label + " handled " + actual + " rows, not " + expected);
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  /**
   * The JVM's heap during a step: each heap pool's peak is reset at the start; the peak is their
   * sum at the end (an upper bound: the pools need not peak at the same instant).
   */
  private static final class Heap {
    private final List<MemoryPoolMXBean> pools;

    private Heap(List<MemoryPoolMXBean> pools) {
      this.pools = pools;
    }

    static Heap start() {
      List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      return new Heap(pools);
    }

    long peak() {
      return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
  }

  /** The table, then how to read it and the ratios of the better run per size. */
  static String format(List<Result> results, List<Integer> sizes) {
    StringBuilder out = new StringBuilder();
    long maxHeap = Runtime.getRuntime().maxMemory();
    out.append(String.format(Locale.ROOT, "bench: %s rows, %d interleaved runs per size, fresh workspaces per run;"
        + " %d processors, max heap %d MiB%n", sizes, RUNS, Runtime.getRuntime().availableProcessors(),
        maxHeap / (1 << 20)));
    out.append(String.format(Locale.ROOT, ROW, "step", "rows", "run", "seconds", "rows/s", "vs COPY", "goal",
        "peak heap MiB"));
    for (Result r : results) {
      out.append(String.format(Locale.ROOT, ROW, r.step().label, r.rows(), r.run(),
          String.format(Locale.ROOT, "%.2f", r.seconds()), String.format(Locale.ROOT, "%.0f", r.rowsPerSecond()),
          ratio(r, results).map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("-"),
          r.step().goal == null ? "-" : String.format(Locale.ROOT, "%.1f", r.step().goal),
          r.peakHeapBytes() / (1 << 20)));
    }
    out.append(String.format(Locale.ROOT, "vs COPY: the step's rows/s over the rows/s of the COPY of the same"
        + " size and run (COPY FROM for the import, COPY TO for the exports); goal: the least ratio aimed at.%n"));
    out.append(String.format(Locale.ROOT, "peak heap: the JVM's (server, bench and client in one process), the"
        + " sum of the heap pools' peaks during the step.%n"));
    for (Result r : results) {
      if (!r.note().isEmpty()) {
        out.append(String.format(Locale.ROOT, "%s, %d rows, run %d: %s%n", r.step().label, r.rows(), r.run(), r.note()));
      }
    }
    return out.toString();
  }

  private static Optional<Double> ratio(Result r, List<Result> all) {
    if (r.step().baseline() == r.step()) {
      return Optional.empty();
    }
    return all.stream().filter(b -> b.step() == r.step().baseline() && b.rows() == r.rows() && b.run() == r.run())
        .findFirst().map(b -> r.rowsPerSecond() / b.rowsPerSecond());
  }
}
