package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.pipeline.StageKind;
import java.util.Locale;

/** Where a deal stands, by the kind of its stage: open, won or lost. */
public enum DealStatus {
  OPEN,
  WON,
  LOST;

  public static DealStatus of(StageKind kind) {
    return switch (kind) {
      case OPEN -> OPEN;
      case WON -> WON;
      case LOST -> LOST;
    };
  }

  /** Its name in the API and the list grammar: lower case. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
