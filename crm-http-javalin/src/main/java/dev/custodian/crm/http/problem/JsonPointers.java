package dev.custodian.crm.http.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** JSON pointers (RFC 6901, in URI fragment form: {@code #/name}) naming a body field. */
final class JsonPointers {

  /** Client-chosen field names are echoed in pointers; a pointer longer than this is cut. */
  static final int MAX_LENGTH = 200;

  private JsonPointers() {}

  /**
   * The pointer of a body field, from a core {@code FieldError}'s name: a top-level field's name,
   * or the path of one inside others ({@code stages/2/name}), its segments already escaped
   * ({@code FieldError.path}).
   */
  static String forField(String name) {
    return cut("#/" + name);
  }

  /** The pointer of the element Jackson was binding when it failed; {@code #} for the root. */
  static String forPath(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder("#");
    for (JsonMappingException.Reference step : path) {
      pointer.append('/');
      if (step.getFieldName() != null) {
        pointer.append(escape(step.getFieldName()));
      } else if (step.getIndex() >= 0) {
        pointer.append(step.getIndex());
      } else {
        pointer.append('-');
      }
    }
    return cut(pointer.toString());
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String cut(String pointer) {
    return pointer.length() <= MAX_LENGTH ? pointer : pointer.substring(0, MAX_LENGTH) + "...";
  }
}
