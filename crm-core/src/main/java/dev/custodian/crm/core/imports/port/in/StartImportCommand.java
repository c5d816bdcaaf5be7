package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.imports.DuplicateMode;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link StartImportUseCase}: what the file imports, what to do with duplicates, and the
 * fields its rows' cells hold, in order (distinct, the object's required one among them; an
 * adapter resolves the file's header or {@code columns} with {@link ImportObject#resolve}).
 */
public record StartImportCommand(WorkspaceId workspace, ImportObject object, DuplicateMode onDuplicate,
    List<String> fields) {

  public StartImportCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(onDuplicate, "onDuplicate");
    fields = List.copyOf(fields);
    if (new HashSet<>(fields).size() != fields.size() || !fields.contains(object.requiredField())) {
      throw new IllegalArgumentException("distinct fields, the required one among them");
    }
  }
}
