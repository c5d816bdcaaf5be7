package dev.custodian.crm.privacy.dsr.port.in;

import java.io.OutputStream;

/**
 * Use case: a person downloads the package their ACCESS or PORTABILITY request was answered with,
 * once, with the token of the completion mail's link ({@code POST /api/v1/public/privacy-downloads}).
 */
public interface DownloadPackageUseCase {

  /**
   * Claims the package of {@code token} for this one download. Of two concurrent claims one wins.
   * Failed claims are throttled per client IP (the library's throttle: 5 in 15 minutes by default).
   *
   * @param clientIp the socket's address, as a literal
   * @throws dev.custodian.crm.core.common.error.InvalidTokenException for a token that is unknown,
   *     used, replaced or expired: all alike
   * @throws dev.custodian.crm.core.common.error.RateLimitedException after too many failed claims from the address
   */
  Download claim(String token, String clientIp);

  /** A claimed package, ready to stream. */
  interface Download {

    /**
     * Writes the package's ZIP to {@code out}, chunk by chunk (each read in a short transaction of
     * its workspace: none is open while the bytes travel), then deletes the package, also when the
     * writing failed: a package is downloaded once.
     */
    void writeTo(OutputStream out);
  }
}
