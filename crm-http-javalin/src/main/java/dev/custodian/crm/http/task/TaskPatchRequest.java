package dev.custodian.crm.http.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.common.MergePatch;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code PATCH .../tasks/{id}} as a JSON merge patch (see {@link MergePatch}); {@code done}
 * is a boolean, each id list an array that replaces that kind of link, or {@code null}.
 */
record TaskPatchRequest(PatchValue<String> title, PatchValue<String> body, PatchValue<String> dueAt,
    PatchValue<Boolean> done, PatchValue<String> assigneeId, PatchValue<List<String>> contactIds,
    PatchValue<List<String>> companyIds, PatchValue<List<String>> dealIds) {

  private static final Set<String> FIELDS = Set.of("title", "body", "dueAt", "done", "assigneeId",
      "contactIds", "companyIds", "dealIds");

  /** The patch, after recording in {@code v} every field that is unknown or of the wrong shape. */
  static TaskPatchRequest from(ObjectNode body, Validator v) {
    MergePatch patch = MergePatch.of(body, FIELDS, "a task", v);
    return new TaskPatchRequest(patch.field("title"), patch.field("body"), patch.field("dueAt"), patch.bool("done"),
        patch.field("assigneeId"), patch.textList("contactIds"), patch.textList("companyIds"),
        patch.textList("dealIds"));
  }
}
