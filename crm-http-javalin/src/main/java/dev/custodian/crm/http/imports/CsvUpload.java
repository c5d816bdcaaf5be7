package dev.custodian.crm.http.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.http.problem.ProblemType;
import dev.custodian.crm.http.problem.RequestRefused;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP adapter part: an uploaded CSV file read as it arrives, record by record, through FastCSV
 * (RFC 4180: quoted commas, quotes and line breaks; CRLF or LF; empty lines skipped; every record as
 * many cells as the first). The bytes are counted against the upload's limit (413 past it) and
 * decoded strictly as UTF-8 (a BOM dropped; a malformed byte is an error naming its line, never
 * replaced). A quote left open at the end of the file is an error naming the record it opened in,
 * found by counting quotes (each well-formed quote comes in a pair). Errors never quote the file.
 */
final class CsvUpload implements Iterator<CsvRecord>, AutoCloseable {

  private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

  private final CountingReader text;
  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private long lastLine;

  CsvUpload(InputStream body, long maxBytes) {
    InputStream limited = new LimitedStream(body, maxBytes);
    this.text = new CountingReader(new StrictUtf8Reader(limited));
    this.csv = CsvReader.builder().allowExtraFields(false).allowMissingFields(false).skipEmptyLines(true)
        .ofCsvRecord(text);
    this.records = csv.iterator();
  }

  @Override
  public boolean hasNext() {
    boolean more = read(records::hasNext);
    if (!more && text.openQuote()) {
      throw malformed(Math.max(lastLine, 1), "opens a quote that is never closed");
    }
    return more;
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CsvRecord record = read(records::next);
    lastLine = record.getStartingLineNumber();
    return record;
  }

  private <T> T read(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (CsvParseException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw fromIo(io.getCause());
      }
      Matcher line = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
      long at = line.find() ? Long.parseLong(line.group(1)) : text.line();
      boolean count = e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("fields");
      throw malformed(at, count ? "has another number of cells than the first record (a quote left open, or a "
          + "delimiter missing or extra)" : "is not a valid CSV record");
    } catch (UncheckedIOException e) {
      throw fromIo(e.getCause());
    }
  }

  private RuntimeException fromIo(IOException e) {
    if (e instanceof CharacterCodingException) {
      return malformed(text.line(), "is not valid UTF-8");
    }
    if (e instanceof TooLarge tooLarge) {
      return tooLarge.refusal();
    }
    return new UncheckedIOException(e);
  }

  /** A 400 naming the line, as {@code #/line/<n>}. */
  static ValidationException malformed(long line, String detail) {
    return ValidationException.of(FieldError.field(FieldError.path("line", line), detail));
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      // the request's stream: nothing to release beyond it
    }
  }

  /** Past the upload's limit. */
  private static final class TooLarge extends IOException {
    private final long max;

    TooLarge(long max) {
      super("the upload is larger than its limit", null);
      this.max = max;
    }

    RequestRefused refusal() {
      return new RequestRefused(ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than " + max + " bytes.");
    }
  }

  /** Fails once more than {@code max} bytes were read. */
  private static final class LimitedStream extends FilterInputStream {
    private final long max;
    private long read;

    LimitedStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > max) {
        throw new TooLarge(max);
      }
    }
  }

  /**
   * Decodes UTF-8 strictly, handing out the text before a malformed byte first, so the error
   * comes with the line it is on.
   */
  private static final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private IOException pending;

    StrictUtf8Reader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
      if (pending != null) {
        throw pending;
      }
      if (len == 0) {
        return 0;
      }
      CharBuffer out = CharBuffer.wrap(buffer, off, len);
      while (out.position() == off) {
        CoderResult result = decoder.decode(bytes, out, eof);
        if (result.isError()) {
          pending = new MalformedInputException(result.length());
          if (out.position() > off) {
            break; // the text before it first
          }
          throw pending;
        }
        if (result.isOverflow()) {
          break;
        }
        if (eof) {
          decoder.flush(out);
          if (out.position() == off) {
            return -1;
          }
          break;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      return out.position() - off;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Drops a leading BOM, counts lines and quotes of the text read so far. */
  private static final class CountingReader extends Reader {
    private final Reader in;
    private boolean first = true;
    private long newlines;
    private long quotes;

    CountingReader(Reader in) {
      this.in = in;
    }

    long line() {
      return newlines + 1;
    }

    boolean openQuote() {
      return quotes % 2 == 1;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0 && first) {
        first = false;
        if (buffer[off] == '\uFEFF') {
          System.arraycopy(buffer, off + 1, buffer, off, n - 1);
          n--;
          if (n == 0) {
            return read(buffer, off, len);
          }
        }
      }
      for (int i = off; i < off + Math.max(n, 0); i++) {
        if (buffer[i] == '\n') {
          newlines++;
        } else if (buffer[i] == '"') {
          quotes++;
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
