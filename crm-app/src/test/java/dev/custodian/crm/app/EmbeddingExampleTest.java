package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.CreateContactUseCase;
import dev.custodian.crm.core.contact.service.ContactErasureParticipant;
import dev.custodian.crm.core.contact.service.CreateContactService;
import dev.custodian.crm.core.privacy.ErasureReceipt;
import dev.custodian.crm.core.privacy.port.out.KeyProvider;
import dev.custodian.crm.core.tenant.Workspace;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.tenant.port.in.CreateWorkspaceUseCase;
import dev.custodian.crm.core.tenant.service.CreateWorkspaceService;
import dev.custodian.crm.core.tenant.service.WorkspaceTransactions;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.Migrations;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.erasure.service.EraseContactService;
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
    KeyProvider keys = () -> masterKey.clone();
    WorkspaceTransactions inWorkspace = new WorkspaceTransactions(db.transactions(), db.workspaces());
    HashedSuppressionList suppression = new HashedSuppressionList(db.suppressionEntries(), keys);

    CreateWorkspaceUseCase createWorkspace =
        new CreateWorkspaceService(db.transactions(), db.workspaces(), ids, clock);
    CreateContactUseCase createContact =
        new CreateContactService(inWorkspace, db.contacts(), suppression, ids, clock);
    EraseContactUseCase eraseContact = new EraseContactService(inWorkspace, db.contacts(),
        List.of(new ContactErasureParticipant(db.contacts())), suppression, db.erasureReceipts(), ids, clock);

    Workspace acme = createWorkspace.create(CreateWorkspaceCommand.of("Acme Ltd", null));
    Contact ada = createContact.create(
        CreateContactCommand.of(acme.id(), "Ada", "Lovelace", "ada@example.org", null));
    ErasureReceipt receipt = eraseContact.erase(acme.id(), ada.id());
    // ---- end of the README's code ----

    try (pool) {
      assertThat(receipt.contactId()).isEqualTo(ada.id());
      assertThatThrownBy(() -> createContact.create(
          CreateContactCommand.of(acme.id(), "Ada", "Lovelace", "ada@example.org", null)))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    }
  }
}
