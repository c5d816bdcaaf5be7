package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.imports.ImportError;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.function.Consumer;

/** Use case: hands a job's error rows (line, field, reason; never a value) to {@code sink}, by line. VIEWER and up. */
public interface ImportErrorsUseCase {
  void errors(Actor actor, WorkspaceId workspace, ImportJobId id, Consumer<? super ImportError> sink);
}
