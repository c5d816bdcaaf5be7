package dev.custodian.crm.http.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.MergePatch;
import dev.custodian.crm.http.common.MoneyJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code PATCH .../deals/{id}} as a JSON merge patch (see {@link MergePatch}); the amount
 * is an object of money or {@code null}, the contact ids an array that replaces them or {@code null}.
 */
record DealPatchRequest(PatchValue<String> title, PatchValue<Money> amount, PatchValue<String> pipelineId,
    PatchValue<String> stageId, PatchValue<String> expectedCloseDate, PatchValue<String> companyId,
    PatchValue<List<String>> contactIds, Map<String, Object> custom) {

  private static final Set<String> FIELDS =
      Set.of("title", "amount", "pipelineId", "stageId", "expectedCloseDate", "companyId", "contactIds",
          "custom");

  /** The patch, after recording in {@code v} every field that is unknown or of the wrong shape. */
  static DealPatchRequest from(ObjectNode body, Validator v) {
    MergePatch patch = MergePatch.of(body, FIELDS, "a deal", v);
    return new DealPatchRequest(patch.field("title"), MoneyJson.patch(body, "amount", v), patch.field("pipelineId"),
        patch.field("stageId"), patch.field("expectedCloseDate"), patch.field("companyId"), contactIds(body, v),
        CustomJson.fromPatch(body, v));
  }

  private static PatchValue<List<String>> contactIds(ObjectNode body, Validator v) {
    if (!body.has("contactIds")) {
      return PatchValue.absent();
    }
    JsonNode value = body.get("contactIds");
    if (value.isNull()) {
      return PatchValue.clear();
    }
    List<String> ids = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode id : value) {
        if (!id.isTextual()) {
          ids = null;
          break;
        }
        ids.add(id.textValue());
      }
    }
    if (!value.isArray() || ids == null) {
      v.reject("contactIds", "must be an array of contact ids, or null");
      return PatchValue.absent();
    }
    return PatchValue.set(ids);
  }
}
