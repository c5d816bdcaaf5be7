package dev.custodian.crm.persistence.customfield;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.AbstractCustomListContractTest;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The custom-field list contract through the application role: queries and row-level security together. */
class JooqCustomListTest extends AbstractCustomListContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected CustomFieldRepository fields() {
    return db.persistence().customFields();
  }

  @Override
  protected CustomValueRepository values() {
    return db.persistence().customValues();
  }

  @Override
  protected void manyRowsStored() {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("analyze contacts, custom_field_values");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
