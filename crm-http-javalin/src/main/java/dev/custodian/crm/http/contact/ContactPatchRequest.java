package dev.custodian.crm.http.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Body of {@code PATCH .../contacts/{id}} as a JSON merge patch (RFC 7396): a field left out stays,
 * {@code null} removes it, a string replaces it. Whether a field may be removed is the core's
 * decision; here only the JSON shape is checked (known fields, strings or null).
 */
record ContactPatchRequest(PatchValue<String> firstName, PatchValue<String> lastName,
    PatchValue<String> email, PatchValue<String> phone) {

  private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "phone");

  static ContactPatchRequest from(ObjectNode body) {
    List<FieldError> errors = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(FieldError.field(name, "is not a field of a contact"));
      }
    }
    ContactPatchRequest patch = new ContactPatchRequest(field(body, "firstName", errors),
        field(body, "lastName", errors), field(body, "email", errors), field(body, "phone", errors));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return patch;
  }

  private static PatchValue<String> field(ObjectNode body, String name, List<FieldError> errors) {
    if (!body.has(name)) {
      return PatchValue.absent();
    }
    JsonNode value = body.get(name);
    if (value.isNull()) {
      return PatchValue.clear();
    }
    if (!value.isTextual()) {
      errors.add(FieldError.field(name, "must be a string or null"));
      return PatchValue.absent();
    }
    return PatchValue.set(value.textValue());
  }
}
