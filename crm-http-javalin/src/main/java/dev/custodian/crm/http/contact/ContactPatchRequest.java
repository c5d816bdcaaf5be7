package dev.custodian.crm.http.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.Iterator;
import java.util.Set;

/**
 * Body of {@code PATCH .../contacts/{id}} as a JSON merge patch (RFC 7396): a field left out stays,
 * {@code null} removes it, a string replaces it. Whether a field may be removed is the core's
 * decision; here only the JSON shape is checked (known fields, strings or null).
 */
record ContactPatchRequest(PatchValue<String> firstName, PatchValue<String> lastName,
    PatchValue<String> email, PatchValue<String> phone) {

  private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "phone");

  /** The patch, after recording in {@code v} every field that is unknown or not a string. */
  static ContactPatchRequest from(ObjectNode body, Validator v) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      v.optional(FieldError.Location.FIELD, name, name, ContactPatchRequest::knownField);
    }
    return new ContactPatchRequest(field(body, "firstName", v), field(body, "lastName", v),
        field(body, "email", v), field(body, "phone", v));
  }

  private static PatchValue<String> field(ObjectNode body, String name, Validator v) {
    if (!body.has(name)) {
      return PatchValue.absent();
    }
    JsonNode value = body.get(name);
    if (value.isNull()) {
      return PatchValue.clear();
    }
    return v.optional(FieldError.Location.FIELD, name, value, ContactPatchRequest::text)
        .<PatchValue<String>>map(PatchValue::set).orElse(PatchValue.absent());
  }

  private static String knownField(String name) {
    if (!FIELDS.contains(name)) {
      throw new InvalidValueException("is not a field of a contact");
    }
    return name;
  }

  private static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw new InvalidValueException("must be a string or null");
    }
    return value.textValue();
  }
}
