package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.LegalBasis;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Parsing of the consent feature's closed lists from raw input, for the validators. */
final class ConsentValues {

  private ConsentValues() {}

  static LegalBasis legalBasis(String raw) {
    return parse(LegalBasis.class, raw);
  }

  static ConsentEventKind kind(String raw) {
    return parse(ConsentEventKind.class, raw);
  }

  static ConsentSource source(String raw) {
    ConsentSource source = parse(ConsentSource.class, raw);
    if (source == ConsentSource.EMAIL_LINK) {
      throw new InvalidValueException("EMAIL_LINK is recorded by the mailed links themselves");
    }
    return source;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(raw)) {
        return constant;
      }
    }
    throw new InvalidValueException("must be one of " + Arrays.stream(type.getEnumConstants())
        .map(Enum::name).collect(Collectors.joining(", ")));
  }
}
