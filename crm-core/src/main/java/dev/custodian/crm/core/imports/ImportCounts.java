package dev.custodian.crm.core.imports;

/**
 * A job's counts: rows read from the file; of them, created, updated, skipped (duplicates in
 * {@code skip} mode) and failed (each with its error rows). Once a job completes, the last four
 * sum to {@code read}.
 */
public record ImportCounts(long read, long created, long updated, long skipped, long failed) {

  public ImportCounts {
    if (read < 0 || created < 0 || updated < 0 || skipped < 0 || failed < 0) {
      throw new IllegalArgumentException("counts are not negative");
    }
    if (created + updated + skipped + failed > read) {
      throw new IllegalArgumentException("no more rows counted than read");
    }
  }

  public static ImportCounts read(long read) {
    return new ImportCounts(read, 0, 0, 0, 0);
  }

  /** These counts with a batch's added. */
  public ImportCounts plus(long created, long updated, long skipped, long failed) {
    return new ImportCounts(read, this.created + created, this.updated + updated, this.skipped + skipped,
        this.failed + failed);
  }

  /** Rows counted so far. */
  public long counted() {
    return created + updated + skipped + failed;
  }
}
