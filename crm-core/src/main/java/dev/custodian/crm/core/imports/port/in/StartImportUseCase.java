package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportRow;
import java.util.Iterator;

/**
 * Use case: stages a file's rows as a new job, queued, in one transaction: the rows are read from
 * {@code rows} as the adapter parses them (an upload stays streamed); if reading fails (a malformed
 * record), the exception leaves the use case and nothing is kept. MEMBER and up.
 */
public interface StartImportUseCase {
  ImportJob start(Actor actor, StartImportCommand command, Iterator<ImportRow> rows);
}
