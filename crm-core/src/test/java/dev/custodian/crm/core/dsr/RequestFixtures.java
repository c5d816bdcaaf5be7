package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentFixtures;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data for data-subject requests. */
public final class RequestFixtures {

  public static final Instant RECEIVED = Instant.parse("2026-05-06T07:08:09.123456Z");

  private RequestFixtures() {}

  public static DataSubjectRequest aRequest(WorkspaceId workspace, RequestType type) {
    return aRequest(workspace, type, ConsentFixtures.anAddress(), RECEIVED);
  }

  public static DataSubjectRequest aRequest(WorkspaceId workspace, RequestType type, AddressHash address,
      Instant receivedAt) {
    Corrections corrections = type == RequestType.RECTIFICATION
        ? new Corrections(Map.of("lastName", Optional.of("Corrected"), "phone", Optional.empty()))
        : Corrections.none();
    List<PurposeKey> purposes = type.namesPurposes() ? List.of(new PurposeKey("analytics")) : List.of();
    return DataSubjectRequest.create(workspace, DataSubjectRequestId.of(UUID.randomUUID()), type,
        new EmailAddress("subject." + UUID.randomUUID() + "@example.org"), address, false, corrections, purposes,
        receivedAt, receivedAt.plusSeconds(5));
  }

  public static RequestEvent anEvent(DataSubjectRequest request, RequestEventKind kind, Instant at) {
    return new RequestEvent(request.workspace(), UUID.randomUUID(), request.id(), kind, at,
        "account:" + UUID.randomUUID());
  }
}
