package dev.custodian.crm.http.problem;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). Its texts name fields,
 * parameters and headers, never a value that was sent.
 *
 * @param errors {@code null} (left out of the JSON) unless the problem is about particular inputs;
 *     at most {@value #MAX_ERRORS}, so a request cannot make its answer grow without bound
 * @param moreErrors how many errors were found beyond those listed; {@code null} when none
 */
record Problem(String type, String title, int status, String detail, List<Item> errors, Integer moreErrors) {

  static final int MAX_ERRORS = 100;

  Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  static Problem of(ProblemType type, String detail) {
    return of(type, type.status(), detail, List.of());
  }

  static Problem of(ProblemType type, int status, String detail, List<Item> errors) {
    int more = Math.max(0, errors.size() - MAX_ERRORS);
    return new Problem(type.uri(), type.title(), status, detail,
        more == 0 ? errors : errors.subList(0, MAX_ERRORS), more == 0 ? null : more);
  }

  /**
   * One rejected input: exactly one of {@code pointer} (a JSON pointer into the body, e.g.
   * {@code #/name}), {@code parameter} or {@code header} is set.
   */
  record Item(String pointer, String parameter, String header, String detail) {

    static Item pointer(String pointer, String detail) {
      return new Item(pointer, null, null, detail);
    }

    static Item parameter(String name, String detail) {
      return new Item(null, name, null, detail);
    }

    static Item header(String name, String detail) {
      return new Item(null, null, name, detail);
    }
  }
}
