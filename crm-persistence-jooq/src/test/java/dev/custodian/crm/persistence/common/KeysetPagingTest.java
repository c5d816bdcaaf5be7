package dev.custodian.crm.persistence.common;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeysetPaging}'s promise on real PostgreSQL, once for every list query that uses it: the
 * contacts table is only the vehicle.
 */
class KeysetPagingTest extends AbstractPortContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private ContactRepository contacts;

  @Override
  protected void portsReady() {
    contacts = db.persistence().contacts();
  }

  @Test
  void walking10000Rows_whileOthersAreInserted_returnsEachExistingOneExactlyOnceInOrder() throws Exception {
    WorkspaceId workspace = a;
    KeysetWalkCheck.walk10000WhileOthersAreInserted(new KeysetWalkCheck.Store<Contact>() {
      @Override
      public void insert(List<PageCursor> positions) {
        run(workspace, () -> positions.forEach(p -> contacts.insert(aContact(workspace, p.createdAt(), p.id()))));
      }

      @Override
      public Page<Contact> list(PageRequest request) {
        return in(workspace, () -> contacts.list(workspace, request));
      }
    }, c -> new PageCursor(c.createdAt(), c.id().value()));
  }
}
