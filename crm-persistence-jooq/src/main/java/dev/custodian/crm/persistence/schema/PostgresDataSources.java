package dev.custodian.crm.persistence.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Connection pools to PostgreSQL, configured so that no bound value reaches a log line. */
public final class PostgresDataSources {

  private PostgresDataSources() {}

  /**
   * A HikariCP pool. pgjdbc's {@code logServerErrorDetail=false} keeps the server's DETAIL (which
   * quotes the offending row, e.g. a duplicate email) out of exception messages.
   */
  public static HikariDataSource pooled(
      String jdbcUrl, String user, String password, int maxPoolSize, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    config.setPoolName(poolName);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1); // the caller checks reachability with a clear message
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "custodian-crm");
    return new HikariDataSource(config);
  }

  /** A single unpooled connection source, for one-off work such as migrations. */
  public static DataSource unpooled(String jdbcUrl, String user, String password) {
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setLogServerErrorDetail(false);
    return ds;
  }
}
