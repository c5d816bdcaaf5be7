package dev.custodian.crm.privacy.architecture.bad.datasource;

import java.sql.SQLException;
import javax.sql.DataSource;

/** Bad: a privacy engine that holds a data source instead of crm-core's ports. */
public final class UsesDataSource {

  public int loginTimeout(DataSource dataSource) throws SQLException {
    return dataSource.getLoginTimeout();
  }
}
