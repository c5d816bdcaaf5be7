package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.function.Consumer;

/**
 * Use case: every entry of a workspace's chain, oldest first, handed to {@code each} one at a time
 * inside the transaction (so a caller streams them); the export itself is recorded first, as the
 * chain's newest entry (ADMIN).
 */
@FunctionalInterface
public interface ExportAuditUseCase {

  /** @return how many entries were handed over */
  long export(Actor actor, WorkspaceId workspace, Consumer<AuditEntry> each);
}
