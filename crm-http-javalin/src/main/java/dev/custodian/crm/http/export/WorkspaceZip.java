package dev.custodian.crm.http.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.FieldOption;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.export.port.in.WorkspaceSnapshot;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.task.Task;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The full export's ZIP: each kind of record as {@code <kind>.csv} and {@code <kind>.ndjson} (the
 * list exports' columns, sensitive custom values included), read from one snapshot, written as
 * read; the ZIP's central directory comes last, so a cut stream is no valid ZIP either.
 */
final class WorkspaceZip {

  private WorkspaceZip() {}

  static void write(OutputStream body, WorkspaceSnapshot snapshot, Runnable beforeRow, ObjectMapper json) {
    try {
      ZipOutputStream zip = new ZipOutputStream(body);
      List<CustomField> fields = snapshot.customFields();
      List<CustomField> contactFields = of(fields, ObjectType.CONTACT);
      List<CustomField> companyFields = of(fields, ObjectType.COMPANY);
      List<CustomField> dealFields = of(fields, ObjectType.DEAL);
      for (String format : List.of("csv", "ndjson")) {
        WorkspaceZip.<CustomField>entry(zip, "custom-fields", format, json, beforeRow, List.of("id", "objectType", "key", "type", "label",
            "sensitive", "options", "createdAt", "updatedAt"), sink -> fields.forEach(sink), WorkspaceZip::field);
        WorkspaceZip.<dev.custodian.crm.core.contact.ExportedContact>entry(zip, "contacts", format, json, beforeRow, ExportRoutes.contactColumns(contactFields), snapshot::contacts,
            row -> ExportRoutes.contactValues(row, contactFields));
        WorkspaceZip.<dev.custodian.crm.core.company.Company>entry(zip, "companies", format, json, beforeRow,
            ExportRoutes.withCustomColumns(ExportRoutes.COMPANY_COLUMNS, companyFields), snapshot::companies,
            row -> ExportRoutes.withCustomValues(ExportRoutes.companyValues(row), row.custom(), companyFields));
        List<Pipeline> pipelines = snapshot.pipelines();
        WorkspaceZip.<Pipeline>entry(zip, "pipelines", format, json, beforeRow, List.of("id", "name", "isDefault", "createdAt", "updatedAt"),
            sink -> pipelines.forEach(sink), p -> Arrays.asList(p.id().value().toString(), p.name().value(),
                p.isDefault(), ExportRoutes.instant(p.createdAt()), ExportRoutes.instant(p.updatedAt())));
        WorkspaceZip.<PipelineStage>entry(zip, "stages", format, json, beforeRow, List.of("pipelineId", "id", "name", "kind", "probability",
            "position"), sink -> pipelines.forEach(p -> p.stages().forEach(s -> sink.accept(new PipelineStage(p, s)))),
            WorkspaceZip::stage);
        WorkspaceZip.<dev.custodian.crm.core.deal.Deal>entry(zip, "deals", format, json, beforeRow,
            ExportRoutes.withCustomColumns(ExportRoutes.DEAL_COLUMNS, dealFields), snapshot::deals,
            row -> ExportRoutes.withCustomValues(ExportRoutes.dealValues(row), row.custom(), dealFields));
        WorkspaceZip.<Activity>entry(zip, "activities", format, json, beforeRow, List.of("id", "kind", "subject", "body", "occurredAt",
            "duration", "contactIds", "companyIds", "dealIds", "createdAt", "updatedAt"), snapshot::activities,
            WorkspaceZip::activity);
        WorkspaceZip.<Task>entry(zip, "tasks", format, json, beforeRow, List.of("id", "title", "body", "dueAt", "done", "doneAt",
            "assigneeId", "contactIds", "companyIds", "dealIds", "createdAt", "updatedAt"), snapshot::tasks,
            WorkspaceZip::task);
      }
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The definitions of one object type, in their order. */
  private static List<CustomField> of(List<CustomField> fields, ObjectType type) {
    return fields.stream().filter(field -> field.objectType() == type).toList();
  }

  private record PipelineStage(Pipeline pipeline, Stage stage) {}

  static <T> void entry(ZipOutputStream zip, String name, String format, ObjectMapper json,
      Runnable beforeRow, List<String> columns, Consumer<Consumer<T>> rows, Function<T, List<Object>> values)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name + "." + format));
    ExportFile file = ExportFile.of(format, new FilterOutputStream(zip) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {
        // the entry ends with closeEntry, the ZIP with finish
      }
    }, json);
    file.start(columns);
    rows.accept(row -> {
      beforeRow.run();
      file.row(values.apply(row));
    });
    file.finish();
    zip.closeEntry();
  }

  private static List<Object> field(CustomField field) {
    return Arrays.asList(field.id().value().toString(), field.objectType().apiName(), field.key().value(),
        field.type().apiName(), field.label().value(), field.sensitive(),
        field.options().stream().map(FieldOption::key).map(k -> k.value()).toList(),
        ExportRoutes.instant(field.createdAt()), ExportRoutes.instant(field.updatedAt()));
  }

  private static List<Object> stage(PipelineStage row) {
    Stage stage = row.stage();
    return Arrays.asList(row.pipeline().id().value().toString(), stage.id().value().toString(), stage.name().value(),
        stage.kind().apiName(), stage.probability().value(), stage.position());
  }

  private static List<Object> activity(Activity activity) {
    List<Object> values = new ArrayList<>(Arrays.asList(activity.id().value().toString(), activity.kind().apiName(),
        activity.subject().map(ActivitySubject::value).orElse(null), activity.body().map(Body::value).orElse(null),
        ExportRoutes.instant(activity.occurredAt()), activity.duration().map(ActivityDuration::toString).orElse(null)));
    values.addAll(links(activity.links()));
    values.add(ExportRoutes.instant(activity.createdAt()));
    values.add(ExportRoutes.instant(activity.updatedAt()));
    return values;
  }

  private static List<Object> task(Task task) {
    List<Object> values = new ArrayList<>(Arrays.asList(task.id().value().toString(), task.title().value(),
        task.body().map(Body::value).orElse(null), task.dueAt().map(ExportRoutes::instant).orElse(null), task.done(),
        task.doneAt().map(ExportRoutes::instant).orElse(null),
        task.assignee().map(a -> a.value().toString()).orElse(null)));
    values.addAll(links(task.links()));
    values.add(ExportRoutes.instant(task.createdAt()));
    values.add(ExportRoutes.instant(task.updatedAt()));
    return values;
  }

  /** The linked contacts, companies and deals, each as sorted ids. */
  private static List<Object> links(Links links) {
    return List.of(sorted(links.contacts().stream().map(c -> c.value())),
        sorted(links.companies().stream().map(c -> c.value())), sorted(links.deals().stream().map(d -> d.value())));
  }

  private static List<String> sorted(java.util.stream.Stream<UUID> ids) {
    return ids.sorted().map(UUID::toString).toList();
  }
}
