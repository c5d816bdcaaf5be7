package dev.custodian.crm.persistence.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sql.DataSource;

/** Connection pools to PostgreSQL, configured so that no bound value reaches a log line. */
public final class PostgresDataSources {

  private PostgresDataSources() {}

  /** A HikariCP pool with the {@link DatabaseTimeouts#DEFAULT default timeouts}. */
  public static HikariDataSource pooled(
      String jdbcUrl, String user, String password, int maxPoolSize, String poolName) {
    return pooled(jdbcUrl, user, password, maxPoolSize, poolName, DatabaseTimeouts.DEFAULT);
  }

  /**
   * A HikariCP pool. pgjdbc's {@code logServerErrorDetail=false} keeps the server's DETAIL (which
   * quotes the offending row, e.g. a duplicate email) out of exception messages. While PostgreSQL
   * does not answer, borrowing a connection and each reply on one give up after
   * {@code timeouts.answer()}; Hikari then evicts the broken connections and opens new ones once
   * the server answers again, so the pool heals without a restart.
   */
  public static HikariDataSource pooled(String jdbcUrl, String user, String password,
      int maxPoolSize, String poolName, DatabaseTimeouts timeouts) {
    requireNoCredentials(jdbcUrl);
    long answerMillis = timeouts.answer().toMillis();
    String answerSeconds = String.valueOf(timeouts.answer().toSeconds());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    config.setPoolName(poolName);
    config.setConnectionTimeout(answerMillis);
    // A borrowed idle connection is checked first; against a frozen server the check must give up
    // quickly (pgjdbc's check counts whole seconds, one is its least) so the borrow can too.
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1); // the caller checks reachability with a clear message
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "custodian-crm");
    config.addDataSourceProperty("connectTimeout", answerSeconds);
    config.addDataSourceProperty("loginTimeout", answerSeconds);
    config.addDataSourceProperty("socketTimeout", answerSeconds);
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // jOOQ binds every value: prepare each query on the server at its 1st use per connection, not its 5th.
    config.addDataSourceProperty("prepareThreshold", "1");
    // A startup option of each session, never a SET on a borrowed connection that could outlive
    // its borrower; the server cancels a longer statement (57014) and the connection stays usable.
    config.addDataSourceProperty("options",
        "-c statement_timeout=" + timeouts.statement().toMillis());
    return new HikariDataSource(config);
  }

  /** A single unpooled connection source, for one-off work such as migrations. */
  public static DataSource unpooled(String jdbcUrl, String user, String password) {
    requireNoCredentials(jdbcUrl);
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setLogServerErrorDetail(false);
    return ds;
  }

  /**
   * Refuses a JDBC URL that carries a {@code user} or {@code password} parameter. pgjdbc lets URL
   * parameters win over the credentials passed beside the URL, so {@code ?user=postgres} would
   * silently connect as the superuser, with row-level security off.
   *
   * @throws IllegalArgumentException naming the parameter (never its value)
   */
  /** URL parameters that would replace the application role or its timeouts (pgjdbc lets them win). */
  private static final java.util.Set<String> OVERRIDING_PARAMETERS = java.util.Set.of("user", "password",
      "service", "options", "sockettimeout", "connecttimeout", "logintimeout", "authenticationpluginclassname");

  public static void requireNoCredentials(String jdbcUrl) {
    // pgjdbc lets URL parameters win: these would replace the role, or undo the timeouts.
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
    }
    int query = jdbcUrl.indexOf('?');
    String authority = jdbcUrl.substring(0, query < 0 ? jdbcUrl.length() : query);
    if (authority.indexOf('@') >= 0) {
      throw new IllegalArgumentException(
          "the JDBC URL must not carry credentials before the host: give the role and password separately");
    }
    if (query < 0) {
      return;
    }
    for (String pair : jdbcUrl.substring(query + 1).split("&")) {
      String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
      if (OVERRIDING_PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("the JDBC URL must not carry the '" + name + "' parameter:"
            + " give the role and password separately, so the application role cannot be replaced"
            + " by another (a superuser would bypass row-level security) and its timeouts stay as set");
      }
    }
  }
}
