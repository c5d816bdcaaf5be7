package dev.custodian.crm.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The start-up check that row-level security applies to the role the application connects as:
 * neither it nor any role it is a member of (it could {@code SET ROLE} to one) is a superuser, has
 * {@code BYPASSRLS}, or owns a workspace-owned table, whose owner could disable the policies.
 */
public final class ApplicationRoleCheck {

  /** The application role could switch tenant isolation off; the message says why, in one line. */
  public static final class UnsafeRoleException extends IllegalStateException {
    UnsafeRoleException(String message) {
      super(message);
    }
  }

  // MEMBER, not USAGE: a NOINHERIT member can still SET ROLE to the owner or the superuser.
  private static final String QUERY = """
      select current_user,
             exists (select from pg_roles r where r.rolsuper and pg_has_role(current_user, r.oid, 'MEMBER')),
             exists (select from pg_roles r where r.rolbypassrls and pg_has_role(current_user, r.oid, 'MEMBER')),
             (select count(*) from pg_class c
               where c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'MEMBER')
                 and exists (select from pg_attribute a where a.attrelid = c.oid
                              and a.attname = 'tenant_id' and not a.attisdropped)) as owned
      """;

  private ApplicationRoleCheck() {}

  /**
   * Connects once and refuses an unsafe role.
   *
   * @throws UnsafeRoleException naming the role and what is wrong with it
   * @throws IllegalStateException when the database cannot be asked
   */
  public static void requireSafe(DataSource appDataSource) {
    try (Connection c = appDataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(QUERY)) {
      rs.next();
      List<String> problems = new ArrayList<>();
      if (rs.getBoolean(2)) {
        problems.add("is a superuser (or may SET ROLE to one)");
      }
      if (rs.getBoolean(3)) {
        problems.add("has BYPASSRLS (or may SET ROLE to a role that has it)");
      }
      if (rs.getLong(4) > 0) {
        problems.add("owns workspace-owned tables (or may SET ROLE to their owner)");
      }
      if (!problems.isEmpty()) {
        throw new UnsafeRoleException("the application's database role " + rs.getString(1) + " "
            + String.join(" and ", problems) + ", so row-level security would not isolate"
            + " workspaces: connect as a NOSUPERUSER NOBYPASSRLS role that owns no table ("
            + DatabaseRoles.APP + ")");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the application's database role (SQLState "
          + e.getSQLState() + ")", e);
    }
  }
}
