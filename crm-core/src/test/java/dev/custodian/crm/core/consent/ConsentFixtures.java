package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Test data for purposes and ledger entries. */
public final class ConsentFixtures {

  private ConsentFixtures() {}

  public static Purpose aPurpose(WorkspaceId workspace, String key, LegalBasis basis) {
    return Purpose.create(workspace, new PurposeKey(key), PurposeText.name("Purpose " + key),
        Optional.of(new PurposeText("What it is for")), basis,
        basis == LegalBasis.CONSENT ? Optional.empty() : Optional.of(new PurposeText("Why we may")),
        basis == LegalBasis.CONSENT, false, Instant.parse("2026-05-06T07:08:09.123456789Z"));
  }

  public static AddressHash anAddress() {
    return new AddressHash((UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
  }

  public static ConsentEvent anEvent(WorkspaceId workspace, SubjectRef subject, AddressHash address, String purpose,
      ConsentEventKind kind, Instant at) {
    ConsentProof proof = new ConsentProof(Optional.of("notice-3"), Optional.of(at.minusSeconds(60)),
        Optional.of(at.minusSeconds(30)), Optional.of("203.0.113.0/24"), Optional.of("Mail/1.0"),
        Optional.of("req-1"));
    return new ConsentEvent(workspace, UUID.randomUUID(), subject, address, new PurposeKey(purpose),
        LegalBasis.CONSENT, kind, ConsentSource.FORM, at.truncatedTo(ChronoUnit.MICROS), at.plusMillis(1), proof,
        "account:" + UUID.randomUUID());
  }
}
