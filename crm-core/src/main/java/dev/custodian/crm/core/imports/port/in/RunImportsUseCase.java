package dev.custodian.crm.core.imports.port.in;

/**
 * Use case of the workers: claims the next job from the queue and runs its batches, each one
 * transaction, renewing the lease before each; without an actor (the job's starter was let in when
 * it was staged).
 */
public interface RunImportsUseCase {

  /**
   * Claims a job and runs at most {@code maxBatches} of its batches (a test stops a worker midway
   * with a small number; its lease then runs out and another worker resumes).
   *
   * @param worker a name for this worker, unique across instances
   * @return the batches run; 0 when there was nothing to claim
   */
  int runNext(String worker, int maxBatches);
}
