package dev.custodian.crm.core.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * How a staged row's cells are stored as one text: each cell as {@code <length>:<text>}, or
 * {@code ~} for an empty one, one after another. Any text survives it, commas, quotes and line
 * breaks included, without a database array type.
 */
public final class StagedCells {

  private StagedCells() {}

  public static String encode(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (String cell : cells) {
      if (cell == null) {
        out.append('~');
      } else {
        out.append(cell.length()).append(':').append(cell);
      }
    }
    return out.toString();
  }

  /** @throws IllegalArgumentException when {@code text} is not what {@link #encode} wrote */
  public static List<String> decode(String text) {
    List<String> cells = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '~') {
        cells.add(null);
        i++;
        continue;
      }
      int colon = text.indexOf(':', i);
      if (colon < 0) {
        throw new IllegalArgumentException("not a staged row's cells");
      }
      int length = Integer.parseInt(text.substring(i, colon));
      cells.add(text.substring(colon + 1, colon + 1 + length));
      i = colon + 1 + length;
    }
    return cells;
  }
}
