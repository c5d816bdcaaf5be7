package dev.custodian.crm.http.imports;

import dev.custodian.crm.core.imports.ImportJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as the API shows it: its options, where it stands and its counts; no value of the
 * file.
 *
 * @param fields the file's columns as read, in order (built-in fields and {@code custom.<key>})
 * @param rowsRead the file's records, its header not counted
 * @param finishedAt when it became completed, failed or cancelled; {@code null} until then
 */
record ImportJobResponse(UUID id, UUID workspaceId, String object, String onDuplicate, List<String> fields,
    String state, long rowsRead, long created, long updated, long skipped, long failed, Instant createdAt,
    Instant updatedAt, Instant finishedAt) {

  static ImportJobResponse from(ImportJob job) {
    return new ImportJobResponse(job.id().value(), job.workspace().value(), job.object().apiName(),
        job.onDuplicate().apiName(), job.fields(), job.state().apiName(), job.counts().read(), job.counts().created(),
        job.counts().updated(), job.counts().skipped(), job.counts().failed(), job.createdAt(), job.updatedAt(),
        job.finishedAt().orElse(null));
  }
}
