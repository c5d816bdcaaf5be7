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

/** TEN-01, the first wall on its own: the custom-field list contract through a role that BYPASSES row-level security. */
class JooqCustomListWithoutRowLevelSecurityTest extends AbstractCustomListContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

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

  /** The 5,000-contact walks run under row-level security (JooqCustomListTest); here the queries' own filters are the point. */
  @Override
  protected int walkedRows() {
    return 1_000;
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
