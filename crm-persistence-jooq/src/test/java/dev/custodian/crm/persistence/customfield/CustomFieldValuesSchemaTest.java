package dev.custodian.crm.persistence.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema of custom values (V16): a real foreign key to exactly one record, one value per field
 * and record (one per option of a multi-select), an option only of the value's own field, and no
 * orphan ever: deleting the record, the field or the option deletes its values.
 */
class CustomFieldValuesSchemaTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private final UUID w = UUID.randomUUID();
  private final UUID contact = UUID.randomUUID();
  private final UUID company = UUID.randomUUID();
  private final UUID tier = UUID.randomUUID();
  private final UUID gold = UUID.randomUUID();
  private final UUID silver = UUID.randomUUID();
  private final UUID nickname = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();
  private final UUID otherOption = UUID.randomUUID();

  @BeforeEach
  void aContactACompanyAndTwoFields() throws Exception {
    sql("insert into workspaces (id, name, slug, status, created_at) values ('" + w + "', 'W', 'w-" + w + "', 'ACTIVE', now())",
        "insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email, email_normalised, created_at,"
            + " updated_at, version) values ('" + w + "', '" + contact + "', 'A', 'B', 'b', 'a@x.org', 'a@x.org', now(), now(), 1)",
        "insert into companies (tenant_id, id, name, name_sort, created_at, updated_at, version) values ('" + w + "', '"
            + company + "', 'C', 'c', now(), now(), 1)",
        field(tier, "tier", "MULTI_SELECT"), field(nickname, "nickname", "TEXT"), field(other, "other", "SINGLE_SELECT"),
        option(gold, tier, "gold", 1), option(silver, tier, "silver", 2), option(otherOption, other, "x", 1));
  }

  private String field(UUID id, String key, String type) {
    return "insert into custom_fields (tenant_id, id, object_type, field_key, type, label, sensitive, created_at,"
        + " updated_at, version) values ('" + w + "', '" + id + "', 'CONTACT', '" + key + "', '" + type + "', 'L', false,"
        + " now(), now(), 1)";
  }

  private String option(UUID id, UUID field, String key, int position) {
    return "insert into custom_field_options (tenant_id, id, field_id, option_key, label, position) values ('" + w
        + "', '" + id + "', '" + field + "', '" + key + "', 'L', " + position + ")";
  }

  private String value(UUID field, String record, UUID recordId, String column, String value) {
    return "insert into custom_field_values (tenant_id, id, field_id, " + record + ", " + column + ") values ('" + w
        + "', '" + UUID.randomUUID() + "', '" + field + "', '" + recordId + "', " + value + ")";
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (String statement : statements) {
        st.execute(statement);
      }
    }
  }

  private long values(String where) throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from custom_field_values where tenant_id = '" + w + "'" + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String stateOf(SQLException e) {
    return e.getSQLState();
  }

  @Test
  void aValueBelongsToExactlyOneRecord_oncePerFieldOrOption_withAnOptionOfItsOwnField() throws Exception {
    sql(value(tier, "contact_id", contact, "option_id", "'" + gold + "'"),
        value(tier, "contact_id", contact, "option_id", "'" + silver + "'"),
        value(nickname, "contact_id", contact, "text_value", "'Ada'"),
        value(nickname, "company_id", company, "text_value", "'Acme'"));
    assertThat(values("")).isEqualTo(4);

    assertThatThrownBy(() -> sql(value(nickname, "contact_id", contact, "text_value", "'Again'")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23505"));
    assertThatThrownBy(() -> sql(value(tier, "contact_id", contact, "option_id", "'" + gold + "'")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23505"));
    assertThatThrownBy(() -> sql(value(tier, "contact_id", contact, "option_id", "'" + otherOption + "'")))
        .as("another field's option").isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23503"));
    assertThatThrownBy(() -> sql("insert into custom_field_values (tenant_id, id, field_id, contact_id, company_id,"
        + " text_value) values ('" + w + "', gen_random_uuid(), '" + nickname + "', '" + contact + "', '" + company
        + "', 'Both')")).as("two records").isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23514"));
    assertThatThrownBy(() -> sql("insert into custom_field_values (tenant_id, id, field_id, text_value) values ('" + w
        + "', gen_random_uuid(), '" + nickname + "', 'None')")).as("no record")
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23514"));
    assertThatThrownBy(() -> sql(value(nickname, "contact_id", UUID.randomUUID(), "text_value", "'Ghost'")))
        .as("a record that does not exist").isInstanceOfSatisfying(SQLException.class, e -> assertThat(stateOf(e)).isEqualTo("23503"));
    assertThat(values("")).isEqualTo(4);
  }

  @Test
  void deletingAnOptionAFieldOrARecordDeletesItsValues() throws Exception {
    sql(value(tier, "contact_id", contact, "option_id", "'" + gold + "'"),
        value(tier, "contact_id", contact, "option_id", "'" + silver + "'"),
        value(nickname, "contact_id", contact, "text_value", "'Ada'"),
        value(nickname, "company_id", company, "text_value", "'Acme'"));

    sql("delete from custom_field_options where tenant_id = '" + w + "' and id = '" + gold + "'");
    assertThat(values(" and option_id = '" + gold + "'")).isZero();
    assertThat(values("")).isEqualTo(3);

    sql("delete from companies where tenant_id = '" + w + "' and id = '" + company + "'");
    assertThat(values(" and company_id is not null")).isZero();

    sql("delete from custom_fields where tenant_id = '" + w + "' and id = '" + tier + "'");
    assertThat(values(" and field_id = '" + tier + "'")).isZero();
    assertThat(values("")).isEqualTo(1);

    sql("delete from contacts where tenant_id = '" + w + "' and id = '" + contact + "'");
    assertThat(values("")).isZero();
  }
}
