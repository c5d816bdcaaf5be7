package dev.custodian.crm.core.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One record of a file as an adapter parsed it: the line it starts on (1 for the file's first) and
 * its cells in the order of the job's fields ({@code null} for an empty cell).
 */
public record ImportRow(long line, List<String> cells) {

  public ImportRow {
    if (line < 1) {
      throw new IllegalArgumentException("lines count from 1");
    }
    cells = Collections.unmodifiableList(new ArrayList<>(cells));
  }

  @Override
  public String toString() {
    return "ImportRow[line=" + line + "]"; // the cells are personal data
  }
}
