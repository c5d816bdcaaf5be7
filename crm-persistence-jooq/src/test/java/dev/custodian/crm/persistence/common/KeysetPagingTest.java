package dev.custodian.crm.persistence.common;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.core.testing.SortOrderCheck;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Row3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeysetPaging}'s promise on real PostgreSQL, once for every list query that uses it: the
 * contacts table is only the vehicle of the oldest-first walk; the text order runs on a table of
 * its own (a {@code VALUES} list), with the empty values contacts cannot have. Each sorted list
 * walks its own sorts in its repository's contract.
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
      public void insert(List<KeysetWalkCheck.Position> positions) {
        run(workspace, () -> positions.forEach(p -> contacts.insert(aContact(workspace, p.createdAt(), p.id()))));
      }

      @Override
      public Page<Contact> list(PageRequest request) {
        // the contacts' default order is the oldest-first walk
        return in(workspace, () -> contacts.list(workspace,
            new ListQuery(ContactListing.OFFER, List.of(), ContactListing.OFFER.defaultSort(), request)));
      }
    }, c -> new KeysetWalkCheck.Position(c.createdAt(), c.id().value()));
  }

  @Test
  void textSortsIgnoringCaseInCodePointOrder_emptyLastBothWays_andFiltersCompareExactly_asInMemory() {
    Table<Record3<UUID, String, String>> names = DSL.values(SortOrderCheck.ROWS.stream()
        .map(r -> DSL.row(r.id(), r.name(), TextOrder.key(r.name()))).toArray(Row3[]::new))
        .as("names", "id", "name", "name_sort");
    Field<UUID> id = names.field("id", UUID.class);
    Field<String> name = names.field("name", String.class);
    Field<String> key = names.field("name_sort", String.class);
    ListColumns columns = ListColumns.of(id).field(SortOrderCheck.NAME, name).sortKey(SortOrderCheck.NAME, key);
    JooqTransactions tx = db.persistence().transactions();

    SortOrderCheck.check(query -> tx.inPlatform(() -> KeysetPaging.page(
        tx.dsl().selectFrom(names).where(DSL.noCondition()), query, columns)
        .map(r -> new SortOrderCheck.Row(r.get(id), r.get(name)))));
  }
}
