package dev.custodian.crm.http.activity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.common.MergePatch;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code PATCH .../activities/{id}} as a JSON merge patch (see {@link MergePatch}); each
 * id list is an array that replaces that kind of link, or {@code null}.
 */
record ActivityPatchRequest(PatchValue<String> kind, PatchValue<String> subject, PatchValue<String> body,
    PatchValue<String> occurredAt, PatchValue<String> duration, PatchValue<List<String>> contactIds,
    PatchValue<List<String>> companyIds, PatchValue<List<String>> dealIds) {

  private static final Set<String> FIELDS = Set.of("kind", "subject", "body", "occurredAt", "duration",
      "contactIds", "companyIds", "dealIds");

  /** The patch, after recording in {@code v} every field that is unknown or of the wrong shape. */
  static ActivityPatchRequest from(ObjectNode body, Validator v) {
    MergePatch patch = MergePatch.of(body, FIELDS, "an activity", v);
    return new ActivityPatchRequest(patch.field("kind"), patch.field("subject"), patch.field("body"),
        patch.field("occurredAt"), patch.field("duration"), patch.textList("contactIds"),
        patch.textList("companyIds"), patch.textList("dealIds"));
  }
}
