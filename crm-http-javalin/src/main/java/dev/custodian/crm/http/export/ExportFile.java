package dev.custodian.crm.http.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.custodian.crm.http.common.MoneyJson;
import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  static ExportFile of(String format, OutputStream stream, ObjectMapper json) {
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

  static final class Csv extends ExportFile {

    private final CsvWriter csv;

    Csv(OutputStream stream) {
      this.csv = CsvWriter.builder().bufferSize(BUFFER).build(stream, StandardCharsets.UTF_8); // FastCSV buffers and encodes
    }

    private String[] cells;

    @Override
    void begin() {
      csv.writeRecord(columns);
      cells = new String[columns.size()];
    }

    @Override
    void row(List<Object> values) {
      for (int i = 0; i < cells.length; i++) {
        cells[i] = escaped(text(values.get(i)));
      }
      csv.writeRecord(cells);
    }

    @Override
    void finish() {
      flush(csv);
    }
  }

  static final class NdJson extends ExportFile {

    private final JsonGenerator json;
    private final ObjectWriter values;
    private SerializableString[] names;

    NdJson(OutputStream stream, ObjectMapper mapper) {
      try {
        this.json = mapper.getFactory().createGenerator(new BufferedOutputStream(stream, BUFFER), JsonEncoding.UTF8)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      json.setRootValueSeparator(null); // each object ends its own line
      this.values = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    void begin() {
      names = columns.stream().map(SerializedString::new).toArray(SerializableString[]::new);
    }

    /** The row's object, written as it goes; a column without a value is left out, as the API leaves absent values out. */
    @Override
    void row(List<Object> row) {
      try {
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
          Object value = row.get(i);
          if (value == null) {
            continue;
          }
          json.writeFieldName(names[i]);
          if (value instanceof String text) {
            json.writeString(text);
          } else {
            values.writeValue(json, value);
          }
        }
        json.writeEndObject();
        json.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void finish() {
      flush(json);
    }
  }

  /** Flushes what {@code out} holds to the response (or the ZIP's entry). */
  private static void flush(Flushable out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
