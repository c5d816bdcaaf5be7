package dev.custodian.crm.http.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.MergePatch;
import java.util.Map;
import java.util.Set;

/** Body of {@code PATCH .../contacts/{id}} as a JSON merge patch (see {@link MergePatch}). */
record ContactPatchRequest(PatchValue<String> firstName, PatchValue<String> lastName,
    PatchValue<String> email, PatchValue<String> phone, PatchValue<String> jobTitle, PatchValue<String> companyId,
    Map<String, Object> custom) {

  private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "phone", "jobTitle", "companyId",
      "custom");

  /** The patch, after recording in {@code v} every field that is unknown or not a string. */
  static ContactPatchRequest from(ObjectNode body, Validator v) {
    MergePatch patch = MergePatch.of(body, FIELDS, "a contact", v);
    return new ContactPatchRequest(patch.field("firstName"), patch.field("lastName"), patch.field("email"),
        patch.field("phone"), patch.field("jobTitle"), patch.field("companyId"), CustomJson.fromPatch(body, v));
  }
}
