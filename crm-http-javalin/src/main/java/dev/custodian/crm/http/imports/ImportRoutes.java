package dev.custodian.crm.http.imports;

import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.imports.DuplicateMode;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.imports.ImportRow;
import dev.custodian.crm.core.imports.port.in.ImportUseCases;
import dev.custodian.crm.core.imports.port.in.StartImportCommand;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * HTTP adapter: the import routes. An upload is a {@code text/csv} body read as it arrives (never
 * whole into memory): its parameters and columns are checked first, then its records are handed to
 * the use case one by one, which stages them in one transaction; a malformed record is a 400 naming
 * its line, and nothing is kept. Cells are trimmed (an empty one is no value) and lose the leading
 * {@code '} an export adds before {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return (CSV injection).
 */
final class ImportRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/imports";
  static final String ONE = COLLECTION + "/{importId}";
  static final String ERRORS = ONE + "/errors";

  private static final String OBJECT = "object";
  private static final String ON_DUPLICATE = "onDuplicate";
  private static final String HEADER = "header";
  private static final String COLUMNS = "columns";

  private final ImportUseCases useCases;
  private final long maxBytes;

  ImportRoutes(ImportUseCases useCases, long maxBytes) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
    this.maxBytes = maxBytes;
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.IMPORT_WRITE))
        .describe("startImport", "Upload a CSV file (text/csv, streamed) of contacts or companies: staged at once, "
            + "then created or updated in batches; answers 202 with the job")
        .upload("text/csv", maxBytes)
        .queryText(OBJECT, "What the file holds: contacts or companies (required)")
        .queryText(ON_DUPLICATE, "skip (default), update or fail a row whose record exists or came earlier")
        .queryText(HEADER, "auto (default), true or false: whether the first record names the columns")
        .queryText(COLUMNS, "The fields of the file's columns, in order, comma-separated (empty: ignored)")
        .responds(202, ImportJobResponse.class).handle(this::start);
    table.get(COLLECTION).access(Access.permission(Permission.IMPORT_READ))
        .describe("listImports", "Walk the workspace's imports, oldest first")
        .respondsPage(ImportJobResponse.class, ListOffer.OLDEST_FIRST).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.IMPORT_READ))
        .describe("getImport", "Read one import: where it stands and its counts")
        .responds(200, ImportJobResponse.class).handle(this::get);
    table.delete(ONE).access(Access.permission(Permission.IMPORT_WRITE))
        .describe("cancelImport", "Cancel a queued or running import (what its batches wrote stays)")
        .responds(200, ImportJobResponse.class).handle(this::cancel);
    table.get(ERRORS).access(Access.permission(Permission.IMPORT_READ))
        .describe("getImportErrors", "The import's error rows as CSV: line, field, error (never a value of the file)")
        .responds(200, null).handle(this::errors);
  }

  /** What the upload's parameters say. */
  private record Upload(WorkspaceId workspace, ImportObject object, DuplicateMode onDuplicate, String header,
      List<String> columns) {}

  /** {@code POST}: 202 with the job, its {@code Location}. */
  void start(Context ctx) throws IOException {
    Upload upload = parameters(ctx);
    Requests.requireMediaType(ctx, "text/csv");
    try (CsvUpload csv = new CsvUpload(ctx.req().getInputStream(), maxBytes)) {
      Mapping mapping = mapping(upload, csv);
      StartImportCommand command = new StartImportCommand(upload.workspace(), upload.object(), upload.onDuplicate(),
          mapping.fields());
      ImportJob job;
      try {
        job = useCases.start().start(CurrentActor.of(ctx), command, mapping.rows());
      } catch (ValidationException e) { // e.g. a custom.<key> column naming no custom field
        throw mapping.located(e);
      }
      ctx.status(202).header("Location", "/api/v1/workspaces/" + upload.workspace() + "/imports/" + job.id())
          .json(ImportJobResponse.from(job));
    }
  }

  private static Upload parameters(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ImportObject object = null;
    String objectName = single(ctx, v, OBJECT);
    if (objectName == null) {
      if (ctx.queryParams(OBJECT).isEmpty()) {
        v.reject(FieldError.parameter(OBJECT, "is required: contacts or companies"));
      }
    } else {
      object = ImportObject.fromApiName(objectName).orElse(null);
      if (object == null) {
        v.reject(FieldError.parameter(OBJECT, "must be contacts or companies"));
      }
    }
    String modeName = single(ctx, v, ON_DUPLICATE);
    DuplicateMode mode = modeName == null ? DuplicateMode.SKIP : DuplicateMode.fromApiName(modeName).orElse(null);
    if (mode == null) {
      v.reject(FieldError.parameter(ON_DUPLICATE, "must be skip, update or fail"));
    }
    String header = single(ctx, v, HEADER);
    if (header == null) {
      header = "auto";
    } else if (!List.of("auto", "true", "false").contains(header)) {
      v.reject(FieldError.parameter(HEADER, "must be auto, true or false"));
    }
    String columnsText = single(ctx, v, COLUMNS);
    List<String> columns = columnsText == null ? null : Arrays.asList(columnsText.split(",", -1));
    if (columns == null && "false".equals(header)) {
      v.reject(FieldError.parameter(HEADER, "false needs columns: without them, the header names the fields"));
    }
    if (columns != null && object != null) {
      checkColumns(v, object, columns, FieldError.Location.PARAMETER);
    }
    v.throwIfInvalid();
    return new Upload(workspace, object, mode, header, columns);
  }

  private static String single(Context ctx, Validator v, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      v.reject(FieldError.parameter(name, "is given once"));
      return null;
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * Every column names a field of the object, or an ignored one; no field twice; the required
   * field among them. Errors name {@code columns} (a parameter) or the header's line and column.
   */
  private static List<ImportObject.Column> checkColumns(Validator v, ImportObject object, List<String> names,
      FieldError.Location location) {
    List<ImportObject.Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      ImportObject.Column column = object.resolve(names.get(i));
      columns.add(column);
      String where = location == FieldError.Location.PARAMETER ? COLUMNS : FieldError.path("line", 1, "column", i + 1);
      String position = location == FieldError.Location.PARAMETER ? "entry " + (i + 1) + " " : "";
      if (column instanceof ImportObject.Column.Unknown) {
        v.reject(new FieldError(location, where, position + "names no field of " + object.apiName()));
      } else if (column instanceof ImportObject.Column.Custom custom
          && !seen.add(ImportObject.CUSTOM_PREFIX + custom.key())) {
        v.reject(new FieldError(location, where, position + "names the custom field " + custom.key() + " a second time"));
      } else if (column instanceof ImportObject.Column.Field field && !seen.add(field.name())) {
        v.reject(new FieldError(location, where, position + "names the field " + field.name() + " a second time"));
      }
    }
    if (!seen.contains(object.requiredField()) && !v.hasErrors()) {
      v.reject(new FieldError(location, location == FieldError.Location.PARAMETER ? COLUMNS : FieldError.path("line", 1),
          "names no " + object.requiredField() + " column, which " + object.apiName() + " need"));
    }
    return columns;
  }

  /**
   * The fields the rows' cells hold, in order, and the rows (the header, if any, read already);
   * {@code columns}: where each field's column is named, to name it in an error.
   */
  private record Mapping(List<String> fields, Iterator<ImportRow> rows, Map<String, FieldError> columns) {

    /** The use case's errors naming a field, as errors naming its column (the rest as they are). */
    ValidationException located(ValidationException e) {
      return new ValidationException(e.errors().stream().map(error -> {
        FieldError column = error.location() == FieldError.Location.FIELD ? columns.get(error.name()) : null;
        return column == null ? error : new FieldError(column.location(), column.name(), column.detail() + error.detail());
      }).toList());
    }
  }

  private static Mapping mapping(Upload upload, CsvUpload csv) {
    ImportObject object = upload.object();
    CsvRecord first = csv.hasNext() ? csv.next() : null;
    List<String> names;
    boolean firstIsHeader;
    if (upload.columns() == null) {
      if (first == null) {
        throw CsvUpload.malformed(1, "holds no header: the file is empty");
      }
      names = first.getFields();
      firstIsHeader = true;
    } else {
      names = upload.columns();
      firstIsHeader = switch (upload.header()) {
        case "true" -> true;
        case "false" -> false;
        default -> first != null && !validKey(object, names, first); // auto: a header's key cell is no valid value
      };
    }
    Validator v = new Validator();
    List<ImportObject.Column> columns = checkColumns(v, object,
        names, upload.columns() == null ? FieldError.Location.FIELD : FieldError.Location.PARAMETER);
    if (first != null && first.getFieldCount() != names.size()) {
      v.reject(FieldError.field(FieldError.path("line", first.getStartingLineNumber()),
          "has " + first.getFieldCount() + " cells, but " + names.size() + " columns are named"));
    }
    v.throwIfInvalid();
    List<Integer> kept = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    Map<String, FieldError> located = new HashMap<>();
    boolean byParameter = upload.columns() != null;
    for (int i = 0; i < columns.size(); i++) {
      String field = columns.get(i) instanceof ImportObject.Column.Field f ? f.name()
          : columns.get(i) instanceof ImportObject.Column.Custom c ? ImportObject.CUSTOM_PREFIX + c.key() : null;
      if (field != null) {
        kept.add(i);
        fields.add(field);
        located.put(field, byParameter ? FieldError.parameter(COLUMNS, "entry " + (i + 1) + " ")
            : FieldError.field(FieldError.path("line", 1, "column", i + 1), ""));
      }
    }
    CsvRecord pending = firstIsHeader ? null : first;
    Iterator<ImportRow> rows = new Iterator<>() {
      private CsvRecord next = pending;

      @Override
      public boolean hasNext() {
        return next != null || csv.hasNext();
      }

      @Override
      public ImportRow next() {
        CsvRecord record = next != null ? next : csv.next();
        next = null;
        List<String> cells = new ArrayList<>(kept.size());
        kept.forEach(i -> cells.add(cell(record.getField(i))));
        return new ImportRow(record.getStartingLineNumber(), cells);
      }
    };
    return new Mapping(fields, rows, located);
  }

  /**
   * Whether the first record's email (contacts) or domain (companies; without a domain column, its
   * name unless it names the field) cell is a valid value, so the record is data, not a header.
   */
  private static boolean validKey(ImportObject object, List<String> names, CsvRecord first) {
    String keyField = object == ImportObject.CONTACTS ? "email" : "domain";
    int key = -1;
    int name = -1;
    for (int i = 0; i < names.size() && i < first.getFieldCount(); i++) {
      if (object.resolve(names.get(i)) instanceof ImportObject.Column.Field field) {
        key = field.name().equals(keyField) ? i : key;
        name = field.name().equals("name") ? i : name;
      }
    }
    try {
      if (key >= 0) {
        String value = cell(first.getField(key));
        if (object == ImportObject.CONTACTS) {
          new EmailAddress(value);
        } else {
          new CompanyDomain(value);
        }
        return true;
      }
      String value = name >= 0 ? cell(first.getField(name)) : null;
      return value != null && !(object.resolve(value) instanceof ImportObject.Column.Field);
    } catch (InvalidValueException e) {
      return false;
    }
  }

  /** A cell as the import reads it: without the export's CSV-injection guard, trimmed, empty as none. */
  static String cell(String raw) {
    String value = raw;
    if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
      value = value.substring(1);
    }
    value = value.strip();
    return value.isEmpty() ? null : value;
  }

  /** {@code GET} the collection: a page of jobs, oldest first. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PageRequest page = Paging.page(ctx, v);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), new PageQuery(workspace, page)),
        ImportJobResponse::from));
  }

  /** {@code GET} one. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ImportJobId id = Requests.idPathParam(ctx, v, "importId", ImportJobId::of);
    v.throwIfInvalid();
    ctx.json(ImportJobResponse.from(useCases.get().get(CurrentActor.of(ctx), workspace, id)));
  }

  /** {@code DELETE}: 200 with the cancelled job; a finished one is a 409 {@code invalid-state}. */
  void cancel(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ImportJobId id = Requests.idPathParam(ctx, v, "importId", ImportJobId::of);
    v.throwIfInvalid();
    ctx.json(ImportJobResponse.from(useCases.cancel().cancel(CurrentActor.of(ctx), workspace, id)));
  }

  /**
   * {@code GET .../errors}: {@code text/csv} with a header {@code line,field,error}; read whole
   * before the answer starts (a job's error rows are few per row and hold no value).
   */
  void errors(Context ctx) throws IOException {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ImportJobId id = Requests.idPathParam(ctx, v, "importId", ImportJobId::of);
    v.throwIfInvalid();
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(out)) {
      csv.writeRecord("line", "field", "error");
      useCases.errors().errors(CurrentActor.of(ctx), workspace, id,
          error -> csv.writeRecord(Long.toString(error.line()), error.field(), error.error()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    ctx.status(200).contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
        .result(buffer.toByteArray());
  }
}
