package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.audit.AuditVerification;
import java.util.List;

/** Use case, for operators ({@code crm-app.jar audit-verify}): verify every chain, each in a transaction of its own. */
@FunctionalInterface
public interface VerifyAllAuditChainsUseCase {

  List<AuditVerification> verifyAll();
}
