package dev.custodian.crm.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.account.AbstractAccountRepositoryContractTest;
import dev.custodian.crm.core.account.port.out.AccountRepository;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account contract on the jOOQ adapter, plus what only the schema can show. */
class JooqAccountRepositoryTest extends AbstractAccountRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected AccountRepository accounts() {
    return db.persistence().accounts();
  }

  @Test
  @DisplayName("ACC-09: the accounts table holds exactly what sign-up asks for and what proves it")
  void accountsTableHoldsExactlyTheSignUpData() throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("""
            select column_name from information_schema.columns
             where table_schema = 'public' and table_name = 'accounts' order by ordinal_position
            """);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    assertThat(columns).containsExactly("id", "name", "email", "email_normalised", "organisation",
        "password_hash", "email_verified_at", "age_attested_at", "minimum_age", "created_at");
  }

  @Test
  void theApplicationRoleMayReadAndInsert_andUpdateOnlyTheHashTheVerificationTimeAndTheProfile() throws SQLException {
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("""
            select has_table_privilege(?, 'accounts', 'select'),
                   has_table_privilege(?, 'accounts', 'insert'),
                   has_table_privilege(?, 'accounts', 'delete'),
                   has_table_privilege(?, 'accounts', 'truncate'),
                   has_column_privilege(?, 'accounts', 'password_hash', 'update'),
                   has_column_privilege(?, 'accounts', 'email_verified_at', 'update'),
                   has_column_privilege(?, 'accounts', 'email', 'update'),
                   has_column_privilege(?, 'accounts', 'email_normalised', 'update'),
                   has_column_privilege(?, 'accounts', 'name', 'update'),
                   has_column_privilege(?, 'accounts', 'organisation', 'update'),
                   has_column_privilege(?, 'accounts', 'minimum_age', 'update'),
                   has_column_privilege(?, 'accounts', 'age_attested_at', 'update'),
                   has_column_privilege(?, 'accounts', 'created_at', 'update')
            """)) {
      for (int i = 1; i <= 13; i++) {
        st.setString(i, DatabaseRoles.APP);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        List<Boolean> granted = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
          granted.add(rs.getBoolean(i));
        }
        assertThat(granted).containsExactly(true, true, false, false, true, true, false, false, true, true,
            false, false, false);
      }
    }
  }
}
