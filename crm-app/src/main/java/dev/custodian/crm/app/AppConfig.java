package dev.custodian.crm.app;

import dev.custodian.crm.app.database.Credentials;
import dev.custodian.crm.app.export.ExportConfig;
import dev.custodian.crm.app.imports.ImportConfig;
import dev.custodian.crm.persistence.schema.DatabaseTimeouts;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Configuration of crm-app, read once from environment variables into plain values. Every
 * variable is documented in the README; a bad value is one {@link ConfigException} naming it.
 *
 * @param databaseUrl empty for the embedded PostgreSQL under {@code dataDir}
 * @param app the application role's credentials, for an external database
 * @param owner the owner role's credentials, for migrations on an external database
 * @param masterKey from {@code CRM_MASTER_KEY}; empty lets the embedded default use its own file
 * @param databaseTimeouts how long the application role waits on PostgreSQL
 * @param databasePoolSize most connections the application role's pool holds at once
 * @param retention whether and how often the retention job runs
 * @param exports how many exports run at once ({@code CRM_EXPORT_MAX_CONCURRENT}) and for how long
 *     ({@code CRM_EXPORT_MAX_DURATION})
 * @param imports this instance's import workers, batches, lease and largest file ({@code CRM_IMPORT_*})
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    long maxRequestBytes,
    Optional<String> databaseUrl,
    Optional<Credentials> app,
    Optional<Credentials> owner,
    Path dataDir,
    Optional<MasterKey> masterKey,
    DatabaseTimeouts databaseTimeouts,
    int databasePoolSize,
    Optional<URI> publicUrl,
    Set<String> extraAllowedHosts,
    AccountConfig accounts,
    RetentionConfig retention, ExportConfig exports, ImportConfig imports) {

  public static final String HTTP_HOST = "CRM_HTTP_HOST";
  public static final String HTTP_PORT = "CRM_HTTP_PORT";
  public static final String HTTP_MAX_REQUEST_BYTES = "CRM_HTTP_MAX_REQUEST_BYTES";
  public static final String DATABASE_URL = "CRM_DATABASE_URL";
  public static final String DATABASE_USER = "CRM_DATABASE_USER";
  public static final String DATABASE_PASSWORD = "CRM_DATABASE_PASSWORD";
  public static final String DATABASE_OWNER_USER = "CRM_DATABASE_OWNER_USER";
  public static final String DATABASE_OWNER_PASSWORD = "CRM_DATABASE_OWNER_PASSWORD";
  public static final String DATA_DIR = "CRM_DATA_DIR";
  public static final String MASTER_KEY = "CRM_MASTER_KEY";
  public static final String DATABASE_TIMEOUT = "CRM_DATABASE_TIMEOUT";
  public static final String DATABASE_STATEMENT_TIMEOUT = "CRM_DATABASE_STATEMENT_TIMEOUT";
  public static final String DATABASE_POOL_SIZE = "CRM_DATABASE_POOL_SIZE";
  public static final String PUBLIC_URL = "CRM_PUBLIC_URL";
  public static final String ALLOWED_HOSTS = "CRM_ALLOWED_HOSTS";
  public static final String EXPORT_MAX_CONCURRENT = "CRM_EXPORT_MAX_CONCURRENT";
  public static final String EXPORT_MAX_DURATION = "CRM_EXPORT_MAX_DURATION";
  public static final String IMPORT_WORKERS_ENABLED = "CRM_IMPORT_WORKERS_ENABLED";
  public static final String IMPORT_WORKERS = "CRM_IMPORT_WORKERS";
  public static final String IMPORT_BATCH_SIZE = "CRM_IMPORT_BATCH_SIZE";
  public static final String IMPORT_MAX_BYTES = "CRM_IMPORT_MAX_BYTES";
  public static final String IMPORT_LEASE = "CRM_IMPORT_LEASE";
  public static final String IMPORT_POLL_INTERVAL = "CRM_IMPORT_POLL_INTERVAL";

  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+\\]");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
  private static final Set<String> WILDCARD = Set.of("0.0.0.0", "::", "[::]", "::0");

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 7070;
  static final long DEFAULT_MAX_REQUEST_BYTES = 1_000_000L;
  static final String DEFAULT_DATA_DIR = "./crm-data";
  /** A request waiting longer than this on the database is no answer a client still waits for. */
  static final Duration MAX_DATABASE_TIMEOUT = Duration.ofMinutes(1);
  /** The size the pool had before it was configurable; bench api's measurements will choose it. */
  static final int DEFAULT_DATABASE_POOL_SIZE = 10;
  /** One connection would make every request wait on every other and on the mail dispatcher. */
  static final int MIN_DATABASE_POOL_SIZE = 2;
  /** Far past what a database's cores keep busy: each connection is a PostgreSQL process. */
  static final int MAX_DATABASE_POOL_SIZE = 200;

  /** Reads and validates the configuration; unset and empty variables take their defaults. */
  public static AppConfig fromEnvironment(Map<String, String> env) {
    String host = value(env, HTTP_HOST).orElse(DEFAULT_HOST);
    int port = value(env, HTTP_PORT).map(v -> intIn(HTTP_PORT, v, 0, 65_535)).orElse(DEFAULT_PORT);
    long maxBytes = value(env, HTTP_MAX_REQUEST_BYTES)
        .map(v -> longIn(HTTP_MAX_REQUEST_BYTES, v, 1, Integer.MAX_VALUE))
        .orElse(DEFAULT_MAX_REQUEST_BYTES);
    Optional<String> url = value(env, DATABASE_URL);
    url.ifPresent(u -> {
      if (!u.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
        throw new ConfigException(DATABASE_URL + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
      }
      try {
        PostgresDataSources.requireNoCredentials(u);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(DATABASE_URL + ": " + e.getMessage() + " (" + DATABASE_USER + ", "
            + DATABASE_PASSWORD + ")");
      }
    });
    Optional<Credentials> app = credentials(env, DATABASE_USER, DATABASE_PASSWORD);
    Optional<Credentials> owner = credentials(env, DATABASE_OWNER_USER, DATABASE_OWNER_PASSWORD);
    if (url.isEmpty() && (app.isPresent() || owner.isPresent())) {
      throw new ConfigException("database credentials are set but " + DATABASE_URL
          + " is not; the embedded PostgreSQL makes its own (set " + DATABASE_URL + " or unset them)");
    }
    Path dataDir;
    try {
      dataDir = Path.of(value(env, DATA_DIR).orElse(DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException(DATA_DIR + " is not a valid path");
    }
    Optional<MasterKey> masterKey = value(env, MASTER_KEY).map(v -> MasterKey.fromBase64(v)
        .orElseThrow(() -> new ConfigException(MASTER_KEY + " must be base64 of exactly "
            + MasterKey.LENGTH + " bytes (make one with: openssl rand -base64 32)")));
    int poolSize = value(env, DATABASE_POOL_SIZE)
        .map(v -> intIn(DATABASE_POOL_SIZE, v, MIN_DATABASE_POOL_SIZE, MAX_DATABASE_POOL_SIZE))
        .orElse(DEFAULT_DATABASE_POOL_SIZE);
    Optional<URI> publicUrl = value(env, PUBLIC_URL).map(AppConfig::publicUrl);
    Set<String> extraHosts = value(env, ALLOWED_HOSTS).map(AppConfig::hostList).orElse(Set.of());
    AccountConfig accounts = AccountConfig.fromEnvironment(env);
    if (url.isPresent() && accounts.smtp().isEmpty()) {
      throw new ConfigException(AccountConfig.SMTP_HOST + " is not set: with an external database ("
          + DATABASE_URL + ") account mail must go out through SMTP");
    }
    return new AppConfig(host, port, maxBytes, url, app, owner, dataDir, masterKey, databaseTimeouts(env),
        poolSize, publicUrl, extraHosts, accounts, RetentionConfig.fromEnvironment(env), exports(env),
        imports(env));
  }

  /** The base of every link the server mails: {@code CRM_PUBLIC_URL}, or the bound address. */
  public URI mailLinkBase(int boundPort) {
    // A wildcard bind is reached through loopback on this machine; a link to 0.0.0.0 opens nothing.
    String host = boundToWildcard() ? "127.0.0.1" : bracketed(httpHost);
    return publicUrl.orElseGet(() -> URI.create("http://" + host + ":" + boundPort));
  }

  /**
   * The host names a request's {@code Host} may name: the bound address (the loopback names when
   * it is a loopback or wildcard address), the host of {@code CRM_PUBLIC_URL}, and
   * {@code CRM_ALLOWED_HOSTS}.
   */
  public Set<String> allowedHosts() {
    Set<String> hosts = new TreeSet<>(extraAllowedHosts);
    publicUrl.ifPresent(url -> hosts.add(url.getHost().toLowerCase(Locale.ROOT)));
    String bound = httpHost.toLowerCase(Locale.ROOT);
    if (LOOPBACK.contains(bound) || bound.equals("::1") || boundToWildcard()) {
      hosts.addAll(LOOPBACK);
    } else {
      hosts.add(bracketed(bound));
    }
    return Set.copyOf(hosts);
  }

  private boolean boundToWildcard() {
    return WILDCARD.contains(httpHost);
  }

  /** A host as a URL or {@code Host} header names it: an IPv6 address in brackets. */
  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static URI publicUrl(String value) {
    try {
      URI url = new URI(value);
      if ((Objects.equals(url.getScheme(), "http") || Objects.equals(url.getScheme(), "https"))
          && url.getHost() != null && url.getRawUserInfo() == null && url.getRawQuery() == null
          && url.getRawFragment() == null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(PUBLIC_URL + " must be an http(s) URL with a host and no user, query"
        + " or fragment, e.g. https://crm.example.com");
  }

  private static Set<String> hostList(String value) {
    Set<String> hosts = new TreeSet<>();
    for (String part : value.split(",")) {
      String host = part.strip().toLowerCase(Locale.ROOT);
      if (!HOST_NAME.matcher(host).matches()) {
        throw new ConfigException(ALLOWED_HOSTS + " must be host names or IP addresses separated by"
            + " commas, without ports (IPv6 in brackets)");
      }
      hosts.add(host);
    }
    return hosts;
  }

  /** The answer timeout (whole seconds: pgjdbc's unit) and the statement timeout below it. */
  private static DatabaseTimeouts databaseTimeouts(Map<String, String> env) {
    Duration answer = value(env, DATABASE_TIMEOUT).map(v -> duration(v)
        .filter(d -> d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(MAX_DATABASE_TIMEOUT) <= 0
            && d.getNano() == 0)
        .orElseThrow(() -> new ConfigException(DATABASE_TIMEOUT + " must be an ISO-8601 duration of"
            + " whole seconds from PT1S to " + MAX_DATABASE_TIMEOUT + ", e.g. PT3S")))
        .orElse(DatabaseTimeouts.DEFAULT.answer());
    Optional<String> statement = value(env, DATABASE_STATEMENT_TIMEOUT);
    if (statement.isEmpty()) {
      return DatabaseTimeouts.of(answer);
    }
    return new DatabaseTimeouts(answer, duration(statement.get())
        .filter(d -> !d.isNegative() && !d.isZero() && d.compareTo(answer) < 0 && d.getNano() % 1_000_000 == 0)
        .orElseThrow(() -> new ConfigException(DATABASE_STATEMENT_TIMEOUT + " must be an ISO-8601"
            + " duration of whole milliseconds, positive and shorter than " + DATABASE_TIMEOUT + " ("
            + answer + "), e.g. PT2.5S")));
  }

  /** The export limits: at most so many at once (1 to 64), each for at most so long (PT1S to PT24H). */
  private static ExportConfig exports(Map<String, String> env) {
    int concurrent = value(env, EXPORT_MAX_CONCURRENT).map(v -> intIn(EXPORT_MAX_CONCURRENT, v, 1, 64))
        .orElse(ExportConfig.DEFAULT.maxConcurrent());
    Duration duration = value(env, EXPORT_MAX_DURATION).map(v -> duration(v)
        .filter(d -> d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofHours(24)) <= 0)
        .orElseThrow(() -> new ConfigException(EXPORT_MAX_DURATION + " must be an ISO-8601 duration from PT1S"
            + " to PT24H, e.g. PT30M")))
        .orElse(ExportConfig.DEFAULT.maxDuration());
    return new ExportConfig(concurrent, duration);
  }

  /**
   * The imports: workers on or off, 1 to 32 of them, 1 to 10,000 rows a batch, files up to 1 to
   * 2^40 bytes, a lease of PT1S to PT1H, an idle worker's wait of PT0.05S to PT1M.
   */
  private static ImportConfig imports(Map<String, String> env) {
    ImportConfig d = ImportConfig.DEFAULT;
    boolean enabled = value(env, IMPORT_WORKERS_ENABLED).map(v -> switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(IMPORT_WORKERS_ENABLED + " must be true or false");
    }).orElse(d.workersEnabled());
    int workers = value(env, IMPORT_WORKERS).map(v -> intIn(IMPORT_WORKERS, v, 1, 32)).orElse(d.workers());
    int batch = value(env, IMPORT_BATCH_SIZE).map(v -> intIn(IMPORT_BATCH_SIZE, v, 1, 10_000)).orElse(d.batchSize());
    long maxBytes = value(env, IMPORT_MAX_BYTES).map(v -> longIn(IMPORT_MAX_BYTES, v, 1, 1L << 40))
        .orElse(d.maxBytes());
    Duration lease = value(env, IMPORT_LEASE).map(v -> duration(v)
        .filter(x -> x.compareTo(Duration.ofSeconds(1)) >= 0 && x.compareTo(Duration.ofHours(1)) <= 0)
        .orElseThrow(() -> new ConfigException(IMPORT_LEASE + " must be an ISO-8601 duration from PT1S to PT1H, e.g. PT1M")))
        .orElse(d.lease());
    Duration poll = value(env, IMPORT_POLL_INTERVAL).map(v -> duration(v)
        .filter(x -> x.compareTo(Duration.ofMillis(50)) >= 0 && x.compareTo(Duration.ofMinutes(1)) <= 0)
        .orElseThrow(() -> new ConfigException(IMPORT_POLL_INTERVAL
            + " must be an ISO-8601 duration from PT0.05S to PT1M, e.g. PT1S")))
        .orElse(d.pollInterval());
    return new ImportConfig(enabled, workers, batch, maxBytes, lease, poll);
  }

  private static Optional<Duration> duration(String v) {
    try {
      return Optional.of(Duration.parse(v));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** True when no external database is configured: the embedded PostgreSQL is used. */
  public boolean embedded() {
    return databaseUrl.isEmpty();
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static Optional<Credentials> credentials(Map<String, String> env, String user, String password) {
    Optional<String> u = value(env, user);
    String p = env.get(password);
    boolean hasPassword = p != null && !p.isEmpty();
    if (u.isPresent() != hasPassword) {
      throw new ConfigException(user + " and " + password + " must be set together");
    }
    return u.map(name -> new Credentials(name, p));
  }

  private static int intIn(String name, String v, int min, int max) {
    return (int) longIn(name, v, min, max);
  }

  private static long longIn(String name, String v, long min, long max) {
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(name + " must be a whole number from " + min + " to " + max);
  }

  @Override
  public String toString() {
    return "AppConfig[http=" + httpHost + ":" + httpPort + ", database="
        + (embedded() ? "embedded in " + dataDir : "external") + ", databaseTimeout="
        + databaseTimeouts.answer() + ", statementTimeout=" + databaseTimeouts.statement() + ", poolSize="
        + databasePoolSize + "]";
  }
}
