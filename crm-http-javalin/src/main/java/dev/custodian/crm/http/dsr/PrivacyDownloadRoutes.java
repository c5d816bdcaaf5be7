package dev.custodian.crm.http.dsr;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.privacy.dsr.port.in.DownloadPackageUseCase;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP adapter: the one-time download of an ACCESS or PORTABILITY package. Public (the mailed
 * token is the credential, in the body, never the URL): any failure (unknown, used, replaced or
 * expired token) is one 400 {@code /problems/invalid-token}, counted per client IP by the
 * throttle (429 once over its limit); a claimed package streams as it is
 * read, and is deleted once the response is written (or its writing failed).
 */
final class PrivacyDownloadRoutes implements RouteGroup {

  static final String DOWNLOADS = "/api/v1/public/privacy-downloads";

  private static final Logger LOG = LoggerFactory.getLogger(PrivacyDownloadRoutes.class);

  /** {@code POST /api/v1/public/privacy-downloads}. */
  record DownloadRequest(String token) {}

  private final DownloadPackageUseCase downloads;

  PrivacyDownloadRoutes(DownloadPackageUseCase downloads) {
    this.downloads = Objects.requireNonNull(downloads, "downloads");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(DOWNLOADS).access(Access.PUBLIC)
        .describe("downloadPrivacyPackage", "Download your data (an access or portability request's ZIP) once, with the mailed token")
        .request(DownloadRequest.class).responds(200, null).handle(this::download);
  }

  void download(Context ctx) throws Exception {
    var body = Requests.jsonBody(ctx, DownloadRequest.class);
    Validator v = new Validator();
    String token = v.required("token", body.token(), t -> t);
    v.throwIfInvalid();
    DownloadPackageUseCase.Download download = downloads.claim(token, Requests.clientIp(ctx));
    ctx.status(200).contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"your-data.zip\"")
        .header("Cache-Control", "no-store");
    try {
      download.writeTo(ctx.res().getOutputStream());
    } catch (IOException | UncheckedIOException e) {
      // The body started: cut it (no last chunk), so it never reads as a whole file.
      LOG.warn("a privacy download failed after its body started; the response was aborted ({})",
          e.getClass().getSimpleName());
      ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
    }
  }
}
