package dev.custodian.crm.privacy.audit.port.in;

import java.util.Objects;

/** The audit trail's in-ports, handed out together (to an adapter, or to an embedder). */
public record AuditUseCases(ListAuditEntriesUseCase list, ExportAuditUseCase export, VerifyAuditUseCase verify,
    ListLoginEventsUseCase loginEvents, ForgetAuditSubjectUseCase forget, VerifyAllAuditChainsUseCase verifyAll) {

  public AuditUseCases {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(verify, "verify");
    Objects.requireNonNull(loginEvents, "loginEvents");
    Objects.requireNonNull(forget, "forget");
    Objects.requireNonNull(verifyAll, "verifyAll");
  }
}
