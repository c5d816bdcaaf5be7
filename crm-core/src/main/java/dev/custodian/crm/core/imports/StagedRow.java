package dev.custodian.crm.core.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row waiting for its batch: its line, its cells (in the job's fields' order, {@code null} for
 * empty), and what duplicates and erasure look it up by: the normalised email (contacts) or domain
 * (companies), and the phone number in E.164, each when valid.
 */
public record StagedRow(long line, List<String> cells, Optional<String> matchKey, Optional<String> phone) {

  public StagedRow {
    cells = Collections.unmodifiableList(new ArrayList<>(cells));
    Objects.requireNonNull(matchKey, "matchKey");
    Objects.requireNonNull(phone, "phone");
  }

  @Override
  public String toString() {
    return "StagedRow[line=" + line + "]"; // the cells are personal data
  }
}
