package dev.custodian.crm.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Creates the two database roles, outside Flyway and as a superuser: {@value #OWNER} owns the
 * schema and runs migrations; {@value #APP} is what the application connects as — no superuser,
 * no BYPASSRLS, owner of nothing, so row-level security always applies to it.
 */
public final class DatabaseRoles {

  public static final String OWNER = "crm_owner";
  public static final String APP = "crm_app";

  private DatabaseRoles() {}

  /** Creates both roles if missing and (re)sets their attributes and passwords. Idempotent. */
  public static void ensure(Connection superuser, String ownerPassword, String appPassword)
      throws SQLException {
    try (Statement st = superuser.createStatement()) {
      for (String role : new String[] {OWNER, APP}) {
        st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
            + "') then create role " + role + "; end if; end $$");
      }
      st.execute("alter role " + OWNER + " with login nosuperuser nobypassrls nocreaterole nocreatedb");
      st.execute("alter role " + APP + " with login nosuperuser nobypassrls nocreaterole nocreatedb noinherit");
      st.execute(APP_LOGS_NO_VALUES);
    }
    // The driver hashes the password (SCRAM) before sending it: no clear password travels in SQL
    // text, which a server's statement log could keep.
    PGConnection pg = superuser.unwrap(PGConnection.class);
    pg.alterUserPassword(OWNER, requirePassword(ownerPassword), "scram-sha-256");
    pg.alterUserPassword(APP, requirePassword(appPassword), "scram-sha-256");
  }

  /**
   * Keeps the values the application binds out of the server's log, even where its statements are
   * logged ({@code log_statement}, {@code log_min_duration_statement}) or fail: the statement text
   * has only placeholders, and these settings of the application's role log none of the values
   * bound to them (personal data, sensitive custom values: CRM-01, TEL-10). Only a superuser may
   * set them; they apply to every session the role opens from then on.
   */
  public static final String APP_LOGS_NO_VALUES = "alter role " + APP + " set log_parameter_max_length = 0;"
      + " alter role " + APP + " set log_parameter_max_length_on_error = 0";

  /**
   * The one statement a superuser runs on the application's database so that the search ({@code q})
   * is served by its trigram indexes under row-level security: {@code ILIKE} on text
   * ({@code texticlike}) and text concatenation ({@code textcat}, the {@code ||} of the contact
   * search expression) become {@code LEAKPROOF}. Without it the planner keeps them out of index
   * scans on tables with policies (they might leak rows the policy hides), so {@code crm_app}'s
   * search reads every row of the workspace. Why it is safe here: {@code textcat} fails only when a
   * result would pass PostgreSQL's 1 GB limit, which no column here can reach; {@code texticlike}
   * raises only for a pattern that ends in its escape character (reached as matching proceeds, so
   * such an error could say something of a row), and the application's search patterns are
   * {@code %...%} with every escape character doubled ({@code ListColumns.containing}), so none can
   * raise. The marking is database-wide: a role that can send its own SQL is not meant to exist
   * besides the application's and the owner's.
   */
  public static final String SEARCH_LEAKPROOF =
      "alter function pg_catalog.texticlike(text, text) leakproof;"
          + " alter function pg_catalog.textcat(text, text) leakproof";

  /**
   * Runs {@link #SEARCH_LEAKPROOF} on the database {@code superuser} is connected to (functions
   * are per database; a database copied from a template keeps them). Idempotent.
   */
  public static void allowSearchIndexesUnderRowLevelSecurity(Connection superuser) throws SQLException {
    try (Statement st = superuser.createStatement()) {
      st.execute(SEARCH_LEAKPROOF);
    }
  }

  /** Creates a database owned by {@value #OWNER}, optionally as a copy of a template database. */
  public static void createDatabase(Connection superuser, String name, String template)
      throws SQLException {
    try (Statement st = superuser.createStatement()) {
      st.execute("create database " + identifier(name) + " owner " + OWNER
          + (template == null ? "" : " template " + identifier(template)));
    }
  }

  private static char[] requirePassword(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a role password must not be empty");
    }
    return value.toCharArray();
  }

  static String identifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("unsupported database name");
    }
    return name;
  }
}
