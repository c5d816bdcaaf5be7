package dev.custodian.crm.privacy.audit.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.privacy.audit.port.in.AuditPage;
import dev.custodian.crm.privacy.audit.port.in.AuditUseCases;
import java.util.ArrayList;
import java.util.List;

/** Factory: the audit trail's use cases over the log; each in one transaction. */
public final class AuditServices {

  /** The most entries one page holds. */
  public static final int MAX_LIMIT = 200;

  private AuditServices() {}

  public static AuditUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace, AuditLog log) {
    return new AuditUseCases(
        (actor, workspace, filter, below, limit) -> inWorkspace.inWorkspace(workspace, actor, Permission.AUDIT_READ,
            () -> AuditPage.fromLookahead(log.newestFirst(AuditChain.of(workspace), filter, below, limit(limit) + 1),
                limit(limit))),
        (actor, workspace, each) -> inWorkspace.inWorkspace(workspace, actor, Permission.AUDIT_READ, () -> {
          // Recorded in the same transaction (an export that fails leaves no entry) and in the same
          // statement as the read where the store can; the export holds its own entry, last.
          long[] count = {0};
          log.appendReadingAll(AuditChain.of(workspace), inWorkspace.auditEvent(actor, AuditAction.AUDIT_EXPORTED,
              AuditTargetType.AUDIT, null, AuditDetails.none()), entry -> {
                each.accept(entry);
                count[0]++;
              });
          return count[0];
        }),
        (actor, workspace) -> inWorkspace.inWorkspace(workspace, actor, Permission.AUDIT_READ,
            () -> log.verify(AuditChain.of(workspace))),
        (self, below, limit) -> transactions.inPlatform(
            () -> AuditPage.fromLookahead(log.signInsOf(self.value(), below, limit(limit) + 1), limit(limit))),
        subject -> transactions.inPlatform(() -> log.forget(subject.value())),
        () -> {
          List<AuditVerification> results = new ArrayList<>();
          for (AuditChain chain : transactions.inPlatform(log::chains)) {
            // A workspace's chain in a transaction of that workspace: row-level security shows it nothing else.
            results.add(chain.workspace()
                .map(workspace -> transactions.inWorkspace(workspace, () -> log.verify(chain)))
                .orElseGet(() -> transactions.inPlatform(() -> log.verify(chain))));
          }
          return results;
        });
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " entries");
    }
    return limit;
  }
}
