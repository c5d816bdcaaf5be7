package dev.custodian.crm.http.export;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.BusyException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.export.port.in.ExportListUseCase;
import dev.custodian.crm.core.export.port.in.ExportSink;
import dev.custodian.crm.core.export.port.in.ExportWorkspaceUseCase;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.MoneyJson;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP adapter: {@code GET .../{contacts|companies|deals}/export?format=csv|ndjson}, the list's
 * filters, {@code q} and sort (no {@code limit} or {@code cursor}), and {@code includeSensitive}
 * for contacts. The response starts only once the snapshot transaction let the actor in (so a
 * refusal is still a problem), then rows are written as the cursor reads them. An export that
 * fails once its body started is cut: the connection is aborted without the chunked encoding's
 * last chunk, so the client reads a broken body, never a short file looking whole. A session token
 * due for rotation is not rotated by an export (its cookie could not follow a started body).
 */
final class ExportRoutes implements RouteGroup {

  static final String CONTACTS = "/api/v1/workspaces/{workspaceId}/contacts/export";
  static final String COMPANIES = "/api/v1/workspaces/{workspaceId}/companies/export";
  static final String DEALS = "/api/v1/workspaces/{workspaceId}/deals/export";
  static final String WORKSPACE = "/api/v1/workspaces/{workspaceId}/export";

  /** Seconds a busy answer asks the client to wait. */
  static final int RETRY_AFTER_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);
  private static final String FORMAT = "format";
  private static final String INCLUDE_SENSITIVE = "includeSensitive";

  private final ExportListUseCase useCases;
  private final ExportWorkspaceUseCase workspaceExport;
  private final ExportLimits limits;
  private final Clock clock;
  private final Semaphore running;

  ExportRoutes(ExportListUseCase useCases, ExportWorkspaceUseCase workspaceExport, ExportLimits limits, Clock clock) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.workspaceExport = Objects.requireNonNull(workspaceExport, "workspaceExport");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.running = new Semaphore(limits.maxConcurrent());
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(CONTACTS).access(Access.permission(Permission.DATA_EXPORT))
        .describe("exportContacts", "Export the contact list (filtered, searched, sorted) as CSV or NDJSON, from one snapshot")
        .exports(ContactListing.OFFER, ExportFile.FORMATS, true).handle(this::contacts);
    table.get(COMPANIES).access(Access.permission(Permission.DATA_EXPORT))
        .describe("exportCompanies", "Export the company list (filtered, searched, sorted) as CSV or NDJSON, from one snapshot")
        .exports(CompanyListing.OFFER, ExportFile.FORMATS, true).handle(this::companies);
    table.get(DEALS).access(Access.permission(Permission.DATA_EXPORT))
        .describe("exportDeals", "Export the deal list (filtered, sorted) as CSV or NDJSON, from one snapshot")
        .exports(DealListing.OFFER, ExportFile.FORMATS, true).handle(this::deals);
    table.get(WORKSPACE).access(Access.permission(Permission.DATA_EXPORT))
        .describe("exportWorkspace", "Export every record of the workspace as a ZIP of CSV and NDJSON files, from one snapshot (audited)")
        .responds(200, null).handle(this::workspace);
  }

  void contacts(Context ctx) {
    Request request = request(ctx, ContactListing.OFFER);
    list(ctx, request, "contacts", (file, progress) -> useCases.contacts(CurrentActor.of(ctx), request.workspace(),
        request.query(), request.includeSensitive(), new Rows<>(file, progress, ExportRoutes::contactColumns,
            ExportRoutes::contactValues)));
  }

  void companies(Context ctx) {
    Request request = request(ctx, CompanyListing.OFFER);
    list(ctx, request, "companies", (file, progress) -> useCases.companies(CurrentActor.of(ctx), request.workspace(),
        request.query(), request.includeSensitive(), new Rows<>(file, progress, custom -> withCustomColumns(COMPANY_COLUMNS, custom),
        (row, custom) -> withCustomValues(companyValues(row), row.custom(), custom))));
  }

  void deals(Context ctx) {
    Request request = request(ctx, DealListing.OFFER);
    list(ctx, request, "deals", (file, progress) -> useCases.deals(CurrentActor.of(ctx), request.workspace(),
        request.query(), request.includeSensitive(), new Rows<>(file, progress, custom -> withCustomColumns(DEAL_COLUMNS, custom),
        (row, custom) -> withCustomValues(dealValues(row), row.custom(), custom))));
  }

  /**
   * {@code GET .../export}: a ZIP (streamed) holding each kind of record twice, as {@code <kind>.csv}
   * and {@code <kind>.ndjson}, all read in one snapshot transaction, which also audits the export.
   */
  void workspace(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    v.throwIfInvalid();
    run(ctx, "application/zip", "workspace-" + workspace + ".zip", (body, progress) ->
        workspaceExport.export(CurrentActor.of(ctx), workspace, snapshot -> {
          progress.start();
          WorkspaceZip.write(body, snapshot, progress::beforeRow, Requests.mapper(ctx));
        }));
  }

  static final List<String> CONTACT_COLUMNS = List.of("id", "email", "firstName", "lastName", "phone", "jobTitle",
      "companyDomain", "createdAt", "updatedAt");
  static final List<String> COMPANY_COLUMNS = List.of("id", "name", "domain", "createdAt", "updatedAt");
  static final List<String> DEAL_COLUMNS = List.of("id", "title", "amount", "currency", "pipelineId", "stageId",
      "status", "expectedCloseDate", "closedAt", "companyId", "contactIds", "createdAt", "updatedAt");

  /** The query parameters: the list grammar's, without a page, plus the format and {@code includeSensitive}. */
  private record Request(WorkspaceId workspace, ListQuery query, String format, boolean includeSensitive) {}

  private static Request request(Context ctx, ListOffer offer) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    Map<String, List<String>> parameters = new LinkedHashMap<>(ctx.queryParamMap());
    List<String> formats = parameters.remove(FORMAT);
    String format = null;
    if (formats == null || formats.size() != 1 || !ExportFile.FORMATS.containsKey(formats.get(0))) {
      v.reject(FieldError.parameter(FORMAT, "is required once: csv or ndjson"));
    } else {
      format = formats.get(0);
    }
    boolean includeSensitive = false;
    List<String> sensitive = parameters.remove(INCLUDE_SENSITIVE);
    if (sensitive != null) {
      if (sensitive.size() != 1 || !List.of("true", "false").contains(sensitive.get(0))) {
        v.reject(FieldError.parameter(INCLUDE_SENSITIVE, "must be given once: true or false"));
      } else {
        includeSensitive = Boolean.parseBoolean(sensitive.get(0));
      }
    }
    for (String paging : List.of("limit", "cursor")) {
      if (parameters.remove(paging) != null) {
        v.reject(FieldError.parameter(paging, "is not offered: an export holds every row of the list"));
      }
    }
    ListQuery query = ListQuery.of(v, offer, parameters);
    v.throwIfInvalid();
    return new Request(workspace, query, format, includeSensitive);
  }

  /** What a list export's use case call does with the file, once the response may start. */
  @FunctionalInterface
  private interface ListExport {
    void run(ExportFile file, Progress progress);
  }

  /** What an export writes to the response's body (started at its first write). */
  @FunctionalInterface
  private interface Export {
    void run(OutputStream body, Progress progress);
  }

  private void list(Context ctx, Request request, String name, ListExport export) {
    run(ctx, ExportFile.FORMATS.get(request.format()), name + "." + request.format(), (body, progress) -> {
      ExportFile file = ExportFile.of(request.format(), body, Requests.mapper(ctx));
      export.run(file, progress);
      file.finish();
    });
  }

  private void run(Context ctx, String contentType, String filename, Export export) {
    if (!running.tryAcquire()) {
      throw new BusyException("as many exports as this server runs at once are running; try again shortly",
          RETRY_AFTER_SECONDS);
    }
    Progress progress = new Progress(clock, clock.instant().plus(limits.maxDuration()));
    try {
      export.run(new LazyBody(ctx, contentType, filename), progress);
    } catch (RuntimeException e) {
      if (!progress.started) {
        throw e; // nothing sent yet: the problem answers
      }
      if (!ctx.res().isCommitted()) {
        ctx.res().reset(); // the first bytes are still in the server's buffer: a problem can answer instead
        throw e;
      }
      // The body started: cut it (no last chunk), so it never reads as a whole file.
      LOG.warn("an export failed after its body started; the response was aborted ({})", e.getClass().getSimpleName());
      ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
    } finally {
      running.release();
    }
  }

  /** The response's stream, its status and headers set at its first write (once the transaction let the actor in). */
  private static final class LazyBody extends OutputStream {

    private final Context ctx;
    private final String contentType;
    private final String filename;
    private OutputStream body;

    LazyBody(Context ctx, String contentType, String filename) {
      this.ctx = ctx;
      this.contentType = contentType;
      this.filename = filename;
    }

    private OutputStream body() throws IOException {
      if (body == null) {
        ctx.status(200).contentType(contentType)
            .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
            .header("Cache-Control", "no-store");
        body = ctx.res().getOutputStream();
      }
      return body;
    }

    @Override
    public void write(int b) throws IOException {
      body().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      body().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      body().flush();
    }
  }

  /**
   * Whether an export's body started, and its deadline ({@code CRM_EXPORT_MAX_DURATION}), checked
   * before every {@value #ROWS_PER_CHECK}th row (reading the clock for each cost a tenth of a row's
   * writing).
   */
  private static final class Progress {

    static final int ROWS_PER_CHECK = 64;

    private final Clock clock;
    private final Instant deadline;
    private boolean started;
    private int rows;

    Progress(Clock clock, Instant deadline) {
      this.clock = clock;
      this.deadline = deadline;
    }

    void start() {
      started = true;
    }

    void beforeRow() {
      if (rows++ % ROWS_PER_CHECK == 0 && clock.instant().isAfter(deadline)) {
        throw new IllegalStateException("the export ran past CRM_EXPORT_MAX_DURATION");
      }
    }
  }

  /** A sink writing an export's rows to its file: the columns once, then each row's values. */
  private static final class Rows<T> implements ExportSink<T> {

    private final ExportFile file;
    private final Progress progress;
    private final Function<List<CustomField>, List<String>> columns;
    private final BiFunction<T, List<CustomField>, List<Object>> values;
    private List<CustomField> custom = List.of();

    Rows(ExportFile file, Progress progress, Function<List<CustomField>, List<String>> columns,
        BiFunction<T, List<CustomField>, List<Object>> values) {
      this.file = file;
      this.progress = progress;
      this.columns = columns;
      this.values = values;
    }

    @Override
    public void start(List<CustomField> customFields) {
      custom = List.copyOf(customFields);
      progress.start();
      file.start(columns.apply(custom));
    }

    @Override
    public void row(T row) {
      progress.beforeRow();
      file.row(values.apply(row, custom));
    }
  }

  /** The built-in columns, then {@code custom.<key>} per custom field, in the fields' order. */
  static List<String> withCustomColumns(List<String> builtIn, List<CustomField> custom) {
    List<String> columns = new ArrayList<>(builtIn);
    custom.forEach(field -> columns.add("custom." + field.key().value()));
    return columns;
  }

  /** The built-in values, then each custom field's value (none: an empty cell). */
  static List<Object> withCustomValues(List<Object> builtIn, CustomValues values, List<CustomField> custom) {
    if (custom.isEmpty()) {
      return builtIn;
    }
    List<Object> all = new ArrayList<>(builtIn);
    Map<String, Object> json = CustomJson.of(values);
    custom.forEach(field -> all.add(json.get(field.key().value())));
    return all;
  }

  static List<Object> companyValues(Company company) {
    return Arrays.asList(company.id().value().toString(), company.name().value(),
        company.domain().map(CompanyDomain::value).orElse(null), instant(company.createdAt()),
        instant(company.updatedAt()));
  }

  static List<String> contactColumns(List<CustomField> custom) {
    return withCustomColumns(CONTACT_COLUMNS, custom);
  }

  static List<Object> contactValues(ExportedContact row, List<CustomField> custom) {
    Contact contact = row.contact();
    return withCustomValues(Arrays.asList(contact.id().value().toString(), contact.email().value(),
        contact.firstName().value(), contact.lastName().value(), contact.phone().map(PhoneNumber::value).orElse(null),
        contact.jobTitle().map(JobTitle::value).orElse(null), row.companyDomain().map(CompanyDomain::value).orElse(null),
        instant(contact.createdAt()), instant(contact.updatedAt())), contact.custom(), custom);
  }

  static List<Object> dealValues(Deal deal) {
    return Arrays.asList(deal.id().value().toString(), deal.title().value(),
        deal.amount().map(MoneyJson::from).map(MoneyJson::amount).orElse(null),
        deal.amount().map(MoneyJson::from).map(MoneyJson::currency).orElse(null),
        deal.pipeline().value().toString(), deal.stage().value().toString(), deal.status().apiName(),
        deal.expectedCloseDate().map(LocalDate::toString).orElse(null), deal.closedAt().map(ExportRoutes::instant).orElse(null),
        deal.company().map(CompanyId::value).map(Object::toString).orElse(null),
        deal.contacts().stream().map(c -> c.value()).sorted().map(Object::toString).toList(),
        instant(deal.createdAt()), instant(deal.updatedAt()));
  }

  static String instant(Instant instant) {
    return IsoInstant.format(instant);
  }

}
