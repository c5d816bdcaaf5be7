package dev.custodian.crm.http.company;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.MergePatch;
import java.util.Map;
import java.util.Set;

/** Body of {@code PATCH .../companies/{id}} as a JSON merge patch (see {@link MergePatch}). */
record CompanyPatchRequest(PatchValue<String> name, PatchValue<String> domain, Map<String, Object> custom) {

  private static final Set<String> FIELDS = Set.of("name", "domain", "custom");

  /** The patch, after recording in {@code v} every field that is unknown or not a string. */
  static CompanyPatchRequest from(ObjectNode body, Validator v) {
    MergePatch patch = MergePatch.of(body, FIELDS, "a company", v);
    return new CompanyPatchRequest(patch.field("name"), patch.field("domain"), CustomJson.fromPatch(body, v));
  }
}
