package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.contact.JooqContactStores;
import dev.custodian.crm.persistence.erasure.JooqErasureStores;
import dev.custodian.crm.persistence.schema.Migrations;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import dev.custodian.crm.privacy.erasure.service.ErasureServices;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Embedding the core without the server" example, run as written. */
class EmbeddingExampleTest {

  @RegisterExtension static final TestDatabase database = new TestDatabase();

  @Test
  void theReadmeExampleRuns() {
    String url = database.jdbcUrl();
    String ownerPassword = database.ownerPassword();
    String appPassword = database.appPassword();
    byte[] masterKey = new byte[32];
    new SecureRandom().nextBytes(masterKey);

    // ---- as in the README ----
    Migrations.migrate(PostgresDataSources.unpooled(url, "crm_owner", ownerPassword));
    HikariDataSource pool = PostgresDataSources.pooled(url, "crm_app", appPassword, 10, "my-app");

    JooqPersistence db = JooqPersistence.create(pool);
    Clock clock = Clock.systemUTC();
    IdGenerator ids = IdGenerator.random();
    KeyProvider keys = () -> masterKey.clone();              // 32 bytes from your secret store
    WorkspaceRepository workspaceStore = JooqWorkspaceStores.workspaces(db);
    ContactRepository contactStore = JooqContactStores.contacts(db);
    WorkspaceTransactions inWorkspace = new WorkspaceTransactions(db.transactions(), workspaceStore);
    SuppressionList suppression =
        new HashedSuppressionList(JooqErasureStores.suppressionEntries(db), keys);

    WorkspaceUseCases workspaces = WorkspaceServices.create(db.transactions(), workspaceStore, ids, clock);
    ContactUseCases contacts = ContactServices.create(inWorkspace, contactStore, suppression, ids, clock);
    ErasureUseCases erasure = ErasureServices.create(inWorkspace, contactStore, suppression,
        JooqErasureStores.receipts(db), List.of(), ids, clock); // List.of(): no other participants

    // Each use case is one transaction. Bad input throws one ValidationException listing every bad
    // field, exactly as the HTTP API reports them.
    Workspace acme = workspaces.create().create(CreateWorkspaceCommand.of("Acme Ltd", null));
    Contact ada = contacts.create().create(
        CreateContactCommand.of(acme.id(), "Ada", "Lovelace", "ada@example.org", null));
    ErasureReceipt receipt = erasure.erase().erase(acme.id(), ada.id());
    // Now creating ada@example.org in acme throws ConflictException (kind SUPPRESSED).
    // ---- end of the README's code ----

    try (pool) {
      assertThat(receipt.contactId()).isEqualTo(ada.id());
      assertThatThrownBy(() -> contacts.create().create(
          CreateContactCommand.of(acme.id(), "Ada", "Lovelace", "ada@example.org", null)))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    }
  }
}
