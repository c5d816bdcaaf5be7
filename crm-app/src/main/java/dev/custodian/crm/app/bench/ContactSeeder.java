package dev.custodian.crm.app.bench;

import dev.custodian.crm.app.database.Credentials;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Seeds a workspace's contacts with plain JDBC batches, as the application role inside the tenant
 * transaction: 20,000 contacts through the use cases would be 20,000 transactions of several
 * statements each (minutes on 2 cores), while the batches take seconds. The application role,
 * not the owner, so row-level security and the grants check every row exactly as they check the
 * server's; each row is built by the core's {@link Contact} from its value objects (trimmed email
 * and its lower-case normalised form, E.164 phone, microsecond times), so it is the row the API
 * would have stored.
 */
final class ContactSeeder {

  private static final int BATCH = 1_000;
  private static final String INSERT = "insert into contacts (tenant_id, id, first_name, last_name, last_name_sort,"
      + " email, email_normalised, phone, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private ContactSeeder() {}

  /**
   * Inserts {@code count} contacts created a millisecond apart (distinct keyset positions), the
   * last a little before now; returns their ids, oldest first.
   */
  static List<UUID> seed(String jdbcUrl, Credentials app, UUID workspace, int count) throws SQLException {
    WorkspaceId tenant = WorkspaceId.of(workspace);
    Instant first = Instant.now().minusMillis(count + 1_000L);
    List<UUID> ids = new ArrayList<>(count);
    try (Connection c = PostgresDataSources.unpooled(jdbcUrl, app.user(), app.password()).getConnection()) {
      c.setAutoCommit(false);
      for (int from = 0; from < count; from += BATCH) {
        try (PreparedStatement tenantSetting = c.prepareStatement("select set_config('crm.tenant_id', ?, true)")) {
          tenantSetting.setString(1, workspace.toString());
          tenantSetting.execute();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
          for (int i = from; i < Math.min(count, from + BATCH); i++) {
            Contact contact = contact(tenant, i, first.plusMillis(i));
            addRow(insert, contact);
            ids.add(contact.id().value());
          }
          insert.executeBatch();
        }
        c.commit();
      }
    }
    return ids;
  }

  private static Contact contact(WorkspaceId tenant, int n, Instant createdAt) {
    return Contact.create(tenant, ContactId.of(UUID.randomUUID()), new PersonName("Bench"),
        new PersonName("Contact " + n), new EmailAddress("Contact." + n + "@Bench.Example.org"),
        Optional.of(new PhoneNumber(String.format(Locale.ROOT, "+44 20 %08d", n))), Optional.empty(),
        Optional.empty(), createdAt);
  }

  private static void addRow(PreparedStatement insert, Contact contact) throws SQLException {
    insert.setObject(1, contact.workspace().value());
    insert.setObject(2, contact.id().value());
    insert.setString(3, contact.firstName().value());
    insert.setString(4, contact.lastName().value());
    insert.setString(5, TextOrder.key(contact.lastName().value()));
    insert.setString(6, contact.email().value());
    insert.setString(7, contact.email().normalised());
    insert.setString(8, contact.phone().map(PhoneNumber::value).orElse(null));
    insert.setObject(9, OffsetDateTime.ofInstant(contact.createdAt(), ZoneOffset.UTC));
    insert.setObject(10, OffsetDateTime.ofInstant(contact.updatedAt(), ZoneOffset.UTC));
    insert.setLong(11, contact.version());
    insert.addBatch();
  }
}
