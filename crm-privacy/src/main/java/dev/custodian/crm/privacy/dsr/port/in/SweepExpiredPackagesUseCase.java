package dev.custodian.crm.privacy.dsr.port.in;

/** Use case: deletes the packages whose download time ended, with their chunks; run periodically. */
@FunctionalInterface
public interface SweepExpiredPackagesUseCase {

  /** Deletes a batch of due packages; answers how many it deleted. */
  int sweep();
}
