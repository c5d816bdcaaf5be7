package dev.custodian.crm.core.architecture.bad.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Bad: a core class that talks JDBC (java.sql is inside java.., and still forbidden). */
public final class UsesJdbc {

  public boolean autoCommit(Connection connection) throws SQLException {
    return connection.getAutoCommit();
  }
}
