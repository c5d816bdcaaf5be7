package dev.custodian.crm.app.database;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and who connects: the application role always, the owner role when
 * migrations may run.
 */
public record DatabaseConnection(String jdbcUrl, Credentials app, Optional<Credentials> owner) {

  public DatabaseConnection {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(owner, "owner");
  }

  /** host:port/database for messages; the URL itself may carry a password in its query. */
  public String describe() {
    String rest = jdbcUrl.replaceFirst("(?i)^jdbc:postgresql:(//)?", "");
    int query = rest.indexOf('?');
    return query < 0 ? rest : rest.substring(0, query);
  }

  @Override
  public String toString() {
    return "DatabaseConnection[" + describe() + ", app=" + app.user()
        + owner.map(o -> ", owner=" + o.user()).orElse("") + "]";
  }
}
