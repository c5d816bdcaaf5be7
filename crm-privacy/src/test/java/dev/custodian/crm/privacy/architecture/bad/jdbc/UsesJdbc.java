package dev.custodian.crm.privacy.architecture.bad.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Bad: a privacy engine that reads data over JDBC instead of through crm-core's ports. */
public final class UsesJdbc {

  public boolean readOnly(Connection connection) throws SQLException {
    return connection.isReadOnly();
  }
}
