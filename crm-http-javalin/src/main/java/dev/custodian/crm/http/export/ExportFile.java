package dev.custodian.crm.http.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.custodian.crm.http.common.MoneyJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One export's file, written row by row: CSV (RFC 4180, a header row, CRLF; every cell that a
 * spreadsheet would read as a formula gets a leading {@code '}) or NDJSON (one JSON object a line,
 * the same names as the CSV's columns, values in their JSON form). A row's values are JSON-shaped:
 * text, numbers, booleans, lists (a multi-select's keys, a deal's contacts) and {@link MoneyJson}.
 */
abstract sealed class ExportFile permits ExportFile.Csv, ExportFile.NdJson {

  /** The formats by {@code format} value, with their media types. */
  static final Map<String, String> FORMATS = Map.of("csv", "text/csv; charset=utf-8", "ndjson", "application/x-ndjson");

  /** First characters a spreadsheet takes for a formula (or that hide one): such a cell gets a leading {@code '}. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** Characters buffered before they are encoded and written to the response. */
  static final int BUFFER = 1 << 16;

  protected List<String> columns;

  private ExportFile() {}

  static ExportFile of(String format, OutputStream stream, JsonLines json) {
    return switch (format) {
      case "csv" -> new Csv(stream);
      case "ndjson" -> new NdJson(stream, json);
      default -> throw new IllegalArgumentException("no such format");
    };
  }

  /** Writes the header (CSV's first row; nothing for NDJSON). */
  void start(List<String> columns) {
    this.columns = List.copyOf(columns);
    begin();
  }

  abstract void begin();

  /** One row, its values in the columns' order. */
  abstract void row(List<Object> values);

  /** Flushes the rest; the caller then completes the response. */
  abstract void finish();

  /** A cell's text with a leading {@code '} when it starts like a formula (CSV injection). */
  static String escaped(String cell) {
    return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }

  /** A value as CSV text: a list's items joined by {@code ;}, an amount as {@code 12.50 EUR}. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ExportFile::text).collect(Collectors.joining(";"));
    }
    if (value instanceof MoneyJson money) {
      return money.amount() + " " + money.currency();
    }
    return value.toString();
  }

  /** Writes one value as a JSON text (the adapter's Jackson mapper). */
  @FunctionalInterface
  interface JsonLines {
    String write(Object value);
  }

  static final class Csv extends ExportFile {

    private final CsvWriter csv;

    Csv(OutputStream stream) {
      this.csv = CsvWriter.builder().bufferSize(BUFFER).build(stream, StandardCharsets.UTF_8); // FastCSV buffers and encodes
    }

    @Override
    void begin() {
      csv.writeRecord(columns);
    }

    @Override
    void row(List<Object> values) {
      List<String> cells = new ArrayList<>(values.size());
      values.forEach(value -> cells.add(escaped(text(value))));
      csv.writeRecord(cells);
    }

    @Override
    void finish() {
      try {
        csv.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class NdJson extends ExportFile {

    private final Writer out;
    private final JsonLines json;

    NdJson(OutputStream stream, JsonLines json) {
      this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
      this.json = json;
    }

    @Override
    void begin() {}

    @Override
    void row(List<Object> values) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        object.put(columns.get(i), values.get(i));
      }
      try {
        out.write(json.write(object));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void finish() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
