package dev.custodian.crm.persistence.common;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGStatement;

/**
 * An export's statement read through its server-side cursor on a second thread, a batch ahead of
 * the caller: the reader waits on PostgreSQL for each fetch, reads the rows' cells by their
 * columns' types and maps them, while the caller writes the batch before. A cursor's fetches are
 * round trips, so read in line the database and the caller would take turns; ahead, they work at
 * once, as under {@code COPY TO}. The rows come in binary where the driver reads it
 * ({@link #binaryResults}).
 *
 * <p>The caller's thread executes the statement (in its transaction) and hands each mapped row to
 * its sink, in order. The mapper runs on the reader's thread, so it must be a pure function of
 * the row (a table's mapper is; it never touches the transaction). The connection is never used
 * by both at once: the caller waits for the reader to stop before it closes the result set,
 * however the export ends (its sink throwing included).
 */
public final class ReadAhead {

  /** Rows handed over at a time; also the cursor's fetch size. */
  static final int BATCH = KeysetPaging.EXPORT_FETCH_SIZE;
  /** Batches read but not yet taken: with the one being mapped, at most three are held. */
  private static final int QUEUED = 2;
  private static final long POLL_MILLIS = 100;

  private ReadAhead() {}

  /**
   * Executes {@code statement} and hands each of its rows, mapped by {@code mapper} (on the
   * reader's thread), to {@code sink} on this thread, in order; the result set is closed when this
   * returns or throws.
   */
  public static <T> void stream(Select<?> statement, Function<Row, T> mapper, Consumer<? super T> sink) {
    List<Field<?>> fields = List.copyOf(statement.getSelect()); // as selected (fields() may requalify them)
    Cell[] cells = fields.stream().map(field -> cell(field.getType())).toArray(Cell[]::new);
    Configuration binary = statement.configuration()
        .deriveAppending(ExecuteListener.onExecuteStart(ReadAhead::binaryResults));
    ResultSet rows = binary.dsl().fetchLazy(statement.fetchSize(BATCH)).resultSet();
    Reader<T> reader = new Reader<>(rows, cells, new Row(fields), mapper);
    Thread thread = new Thread(reader, "crm-export-read");
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        Object[] batch = reader.take();
        if (batch.length == 0) {
          return;
        }
        for (Object mapped : batch) {
          @SuppressWarnings("unchecked")
          T row = (T) mapped;
          sink.accept(row);
        }
      }
    } finally {
      reader.stop();
      join(thread);
      close(rows);
    }
  }

  /**
   * Asks the driver for the statement's results in PostgreSQL's binary format, where the driver
   * reads it (uuids, timestamps, numbers, arrays; text stays text): PostgreSQL then neither formats
   * nor the driver parses each row's uuid and instants as text, which took a third of an export's
   * time. A threshold below zero makes it a named statement from its first execution (one more round
   * trip, to learn the columns' types), the only way the driver offers binary results.
   */
  private static void binaryResults(ExecuteContext context) {
    try {
      context.statement().unwrap(PGStatement.class).setPrepareThreshold(-1);
    } catch (SQLException e) {
      throw new DataAccessException("could not ask for binary results", e);
    }
  }

  /** One row's values, read by the statement's own fields (the first column of a field named twice). */
  public static final class Row implements Columns {

    private final Field<?>[] fields;
    private Object[] values;
    /** Where the next field is looked for first: a mapper reads the fields in about the order selected. */
    private int next;

    private Row(List<Field<?>> fields) {
      this.fields = fields.toArray(Field<?>[]::new);
    }

    /**
     * The field's value: found by identity from where the last one was (a mapper names the very
     * fields its statement selects, mostly in their order), else by equality, once: the equal field
     * then takes its place.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <X> X get(Field<X> field) {
      for (int n = 0, i = next; n < fields.length; n++, i = i + 1 == fields.length ? 0 : i + 1) {
        if (fields[i] == field) {
          next = i + 1 == fields.length ? 0 : i + 1;
          return (X) values[i];
        }
      }
      for (int i = 0; i < fields.length; i++) {
        if (fields[i].equals(field)) {
          fields[i] = field; // found by identity from now on
          return (X) values[i];
        }
      }
      throw new IllegalArgumentException("the statement does not select " + field.getName());
    }
  }

  /** Reads one cell of the current row. */
  @FunctionalInterface
  private interface Cell {
    Object read(ResultSet rows, int column) throws SQLException;
  }

  /** The driver's getter for a column of {@code type}: the value jOOQ would have read. */
  private static Cell cell(Class<?> type) {
    if (type == String.class) {
      return ResultSet::getString;
    }
    if (type == UUID.class || type == OffsetDateTime.class || type == LocalDate.class) {
      return (rows, column) -> rows.getObject(column, type);
    }
    if (type == Long.class) {
      return (rows, column) -> {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
      };
    }
    if (type == Integer.class) {
      return (rows, column) -> {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
      };
    }
    if (type == Boolean.class) {
      return (rows, column) -> {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
      };
    }
    if (type == BigDecimal.class) {
      return ResultSet::getBigDecimal;
    }
    if (type.isArray()) {
      return (rows, column) -> {
        Array array = rows.getArray(column);
        return array == null ? null : array.getArray();
      };
    }
    return ResultSet::getObject; // e.g. a custom field's sort key, which no mapper reads
  }

  /** The second thread: moves the result set on, maps its rows and queues them a batch at a time. */
  private static final class Reader<T> implements Runnable {

    private static final Object[] END = new Object[0];

    private final ResultSet rows;
    private final Cell[] cells;
    private final Row row;
    private final Function<Row, T> mapper;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean stopped;

    Reader(ResultSet rows, Cell[] cells, Row row, Function<Row, T> mapper) {
      this.rows = rows;
      this.cells = cells;
      this.row = row;
      this.mapper = mapper;
    }

    @Override
    public void run() {
      try {
        Object[] values = new Object[cells.length];
        while (!stopped) {
          Object[] batch = new Object[BATCH];
          int read = 0;
          while (read < BATCH && rows.next()) {
            for (int i = 0; i < cells.length; i++) {
              values[i] = cells[i].read(rows, i + 1);
            }
            row.values = values;
            batch[read++] = mapper.apply(row);
          }
          if (read > 0 && !put(read == BATCH ? batch : Arrays.copyOf(batch, read))) {
            return;
          }
          if (read < BATCH) {
            put(END);
            return;
          }
        }
      } catch (SQLException | RuntimeException | Error e) {
        put(e);
      }
    }

    /** Queues {@code item}, waiting while the caller is behind; false once the caller stopped. */
    private boolean put(Object item) {
      try {
        while (!stopped) {
          if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            return true;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    /** The next batch of mapped rows; empty at the end; the reader's failure (or its mapper's), thrown here. */
    Object[] take() {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataAccessException("interrupted while reading an export's rows", e);
      }
      if (item instanceof SQLException e) {
        throw new DataAccessException("the export's cursor failed", e);
      }
      if (item instanceof RuntimeException e) {
        throw e;
      }
      if (item instanceof Error e) {
        throw e;
      }
      return (Object[]) item;
    }

    void stop() {
      stopped = true;
    }
  }

  private static void join(Thread reader) {
    boolean interrupted = false;
    while (true) {
      try {
        reader.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the reader must be done with the connection before this returns
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void close(ResultSet rows) {
    try {
      rows.close();
    } catch (SQLException e) {
      throw new DataAccessException("the export's cursor failed to close", e);
    }
  }
}
