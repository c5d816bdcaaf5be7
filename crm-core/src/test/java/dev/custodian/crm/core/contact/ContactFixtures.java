package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Test data for contacts: unique emails and phones by default. */
public final class ContactFixtures {

  private ContactFixtures() {}

  public static Contact aContact(WorkspaceId workspace) {
    return aContact(workspace, Instant.parse("2026-05-06T07:08:09.123456789Z"), UUID.randomUUID());
  }

  public static Contact aContact(WorkspaceId workspace, Instant createdAt, UUID id) {
    return Contact.create(workspace, ContactId.of(id), new PersonName("Ada"), new PersonName("Lovelace"),
        new EmailAddress("Ada." + UUID.randomUUID() + "@Example.org"),
        Optional.of(new PhoneNumber(uniquePhone())), Optional.of(new JobTitle("Analyst")), Optional.empty(),
        createdAt);
  }

  /** A contact with this last name, created then, with that id. */
  public static Contact aContact(WorkspaceId workspace, Instant createdAt, UUID id, String lastName) {
    return Contact.create(workspace, ContactId.of(id), new PersonName("Ada"), new PersonName(lastName),
        new EmailAddress("Ada." + UUID.randomUUID() + "@Example.org"), Optional.empty(), Optional.empty(),
        Optional.empty(), createdAt);
  }

  public static String uniquePhone() {
    return "+44" + String.format("%012d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
  }
}
