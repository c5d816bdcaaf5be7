package dev.custodian.crm.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns Jackson's binding failures into problems. Jackson's messages quote the input, so none is
 * used: the answer names the field (as a JSON pointer) and the expected shape only.
 */
final class JsonProblems {

  private JsonProblems() {}

  /** The problem for a body Jackson rejected; empty when the failure is a bug of ours (a 500). */
  static Optional<Problem> from(JsonProcessingException e) {
    // Binding a record wraps a parse failure of its fields (a bad escape, a raw control
    // character, a string cut short) in a mapping exception: the body is malformed all the same.
    if (e instanceof DatabindException && e.getCause() instanceof JsonProcessingException cause
        && !(cause instanceof DatabindException)) {
      return from(cause);
    }
    if (e instanceof PropertyBindingException) { // unknown (or ignored) field
      return Optional.of(validation(
          JsonPointers.forPath(((PropertyBindingException) e).getPath()), "is not a known field"));
    }
    if (e instanceof InvalidNullException) {
      return Optional.of(validation(
          JsonPointers.forPath(((InvalidNullException) e).getPath()), "must not be null"));
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) e;
      // A string of the wrong form (e.g. not a UUID) has the right type, only a bad format.
      String detail = e instanceof InvalidFormatException
              && ((InvalidFormatException) e).getValue() instanceof String
              && mismatch.getTargetType() != String.class
          ? "has an invalid format"
          : expected(mismatch.getTargetType());
      return Optional.of(validation(JsonPointers.forPath(mismatch.getPath()), detail));
    }
    if (e instanceof DatabindException) {
      return Optional.empty(); // a request type Jackson cannot build: our bug
    }
    return Optional.of(malformed("The request body is not valid JSON."));
  }

  private static Problem validation(String pointer, String detail) {
    return Problem.of(ProblemType.VALIDATION, 400, "The request body does not have the expected shape; see errors.",
        List.of(Problem.Item.pointer(pointer, detail)));
  }

  private static Problem malformed(String detail) {
    return Problem.of(ProblemType.MALFORMED_JSON, detail);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == String.class || type == UUID.class || type.isEnum()) {
      return "must be a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "must be a number";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong type";
  }
}
