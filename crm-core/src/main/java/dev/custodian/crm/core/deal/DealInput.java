package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.ContactId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The readings of a deal's raw input that its create and update commands share. */
public final class DealInput {

  private DealInput() {}

  /** A calendar date as {@code 2026-12-31}. */
  public static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("must be a date as YYYY-MM-DD");
    }
  }

  /**
   * Contact ids as text, at most {@link Deal#MAX_CONTACTS}; a repeated one counts once. Errors are
   * recorded in {@code v} under {@code contactIds}.
   *
   * @return the ids; {@code null} when any was bad
   */
  public static Set<ContactId> contactIds(Validator v, List<String> ids) {
    if (ids.size() > Deal.MAX_CONTACTS) {
      v.reject("contactIds", "must hold at most " + Deal.MAX_CONTACTS + " contact ids");
      return null;
    }
    Set<ContactId> valid = new LinkedHashSet<>();
    boolean bad = false;
    for (String id : ids) {
      try {
        valid.add(ContactId.of(Uuids.parse(id)));
      } catch (InvalidValueException | NullPointerException e) {
        bad = true;
      }
    }
    if (bad) {
      v.reject("contactIds", "must hold contact ids (UUIDs)");
      return null;
    }
    return valid;
  }
}
