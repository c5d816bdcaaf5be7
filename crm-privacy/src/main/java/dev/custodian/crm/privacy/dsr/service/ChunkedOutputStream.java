package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;

/**
 * The bytes of a package as they are built, stored chunk by chunk: at most one chunk is ever held,
 * so a package of any size costs the same memory.
 */
final class ChunkedOutputStream extends OutputStream {

  private final PackageStore store;
  private final WorkspaceId workspace;
  private final UUID packageId;
  private final byte[] buffer;
  private int filled;
  private int sequence;
  private long bytes;

  ChunkedOutputStream(PackageStore store, WorkspaceId workspace, UUID packageId, int chunkSize) {
    this.store = store;
    this.workspace = workspace;
    this.packageId = packageId;
    this.buffer = new byte[chunkSize];
  }

  @Override
  public void write(int b) {
    if (filled == buffer.length) {
      flushChunk();
    }
    buffer[filled++] = (byte) b;
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (filled == buffer.length) {
        flushChunk();
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      bytes += n;
    }
  }

  /** Stores the last, partial chunk. */
  @Override
  public void close() {
    if (filled > 0) {
      flushChunk();
    }
  }

  long bytes() {
    return bytes;
  }

  int chunks() {
    return sequence;
  }

  private void flushChunk() {
    store.appendChunk(workspace, packageId, sequence++, Arrays.copyOf(buffer, filled));
    filled = 0;
  }
}
