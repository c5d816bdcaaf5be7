package dev.custodian.crm.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * HTTP adapter: a JSON merge patch (RFC 7396) of flat fields: a field left out stays, {@code null}
 * removes it, a value replaces it. Whether a field may be removed is the core's decision; here
 * only the JSON shape is checked (known fields; strings, whole numbers or booleans as each field
 * is read, or null), into the request's validator.
 */
public final class MergePatch {

  private final ObjectNode body;
  private final Validator v;

  private MergePatch(ObjectNode body, Validator v) {
    this.body = body;
    this.v = v;
  }

  /**
   * The patch, after recording in {@code v} every field that is not one of {@code fields}.
   *
   * @param what what is patched, for the error ("is not a field of a contact")
   */
  public static MergePatch of(ObjectNode body, Set<String> fields, String what, Validator v) {
    Objects.requireNonNull(body, "body");
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      v.optional(FieldError.Location.FIELD, FieldError.path(name), name, n -> {
        if (!fields.contains(n)) {
          throw new InvalidValueException("is not a field of " + what);
        }
        return n;
      });
    }
    return new MergePatch(body, v);
  }

  /** One field: absent, clear ({@code null}) or a string; a non-string is recorded as an error (and absent). */
  public PatchValue<String> field(String name) {
    return read(name, MergePatch::text);
  }

  /** One field: absent, clear ({@code null}) or a whole number that fits an {@code int}; else as {@link #field}. */
  public PatchValue<Integer> integer(String name) {
    return read(name, MergePatch::wholeNumber);
  }

  /** One field: absent, clear ({@code null}) or {@code true} or {@code false}; else as {@link #field}. */
  public PatchValue<Boolean> bool(String name) {
    return read(name, MergePatch::trueOrFalse);
  }

  /** One field: absent, clear ({@code null}) or an array of strings (ids); else as {@link #field}. */
  public PatchValue<List<String>> textList(String name) {
    return read(name, MergePatch::texts);
  }

  /**
   * One field of another shape: absent, clear ({@code null}) or what {@code shape} makes of its
   * JSON, which throws {@code InvalidValueException} for a wrong one (recorded as an error, and absent).
   */
  public <T> PatchValue<T> read(String name, Function<JsonNode, T> shape) {
    if (!body.has(name)) {
      return PatchValue.absent();
    }
    JsonNode value = body.get(name);
    if (value.isNull()) {
      return PatchValue.clear();
    }
    return v.optional(FieldError.Location.FIELD, name, value, shape)
        .<PatchValue<T>>map(PatchValue::set).orElse(PatchValue.absent());
  }

  private static Integer wholeNumber(JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidValueException("must be a whole number or null");
    }
    return value.intValue();
  }

  private static Boolean trueOrFalse(JsonNode value) {
    if (!value.isBoolean()) {
      throw new InvalidValueException("must be true, false or null");
    }
    return value.booleanValue();
  }

  private static List<String> texts(JsonNode value) {
    List<String> texts = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw new InvalidValueException("must be an array of strings or null");
        }
        texts.add(item.textValue());
      }
      return texts;
    }
    throw new InvalidValueException("must be an array of strings or null");
  }

  private static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw new InvalidValueException("must be a string or null");
    }
    return value.textValue();
  }
}
