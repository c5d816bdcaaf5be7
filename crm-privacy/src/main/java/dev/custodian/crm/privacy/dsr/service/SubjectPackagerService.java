package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.dsr.port.out.SubjectPackager;
import dev.custodian.crm.core.erasure.SubjectDataParticipant.SubjectRecord;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Service: the {@link SubjectPackager}. It finds the workspace's contact with the subject's
 * address (addresses are unique in a workspace), then streams every participant's records into a
 * ZIP written chunk by chunk into the {@link PackageStore}: no more than a chunk and one record is
 * held at once. ACCESS: {@code subject.json} (every section and its records), {@code
 * processing.json} ({@link ProcessingDeclaration}) and {@code index.html} (the same, readable,
 * escaped, without scripts); PORTABILITY: {@code data.json} and {@code <section>.csv} per section
 * (a cell that a spreadsheet would read as a formula gets a leading {@code '}). Each file is one
 * more pass over the participants, so nothing is collected in memory. Without such a contact the
 * sections are empty (the consent ledger's entries of an erased person name no one).
 */
public final class SubjectPackagerService implements SubjectPackager {

  /** How long a package waits for its download by default ({@code CRM_DSR_DOWNLOAD_TTL}). */
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  /** How many bytes a stored chunk holds by default. */
  public static final int DEFAULT_CHUNK_SIZE = 256 * 1024;

  /** The download token's type prefix. */
  public static final String TOKEN_PREFIX = MailTokenPurpose.PRIVACY_DOWNLOAD.tokenPrefix();

  private final ContactRepository contacts;
  private final PurposeRepository purposes;
  private final List<SubjectDataParticipant> participants;
  private final PackageStore store;
  private final IdGenerator ids;
  private final TokenGenerator tokens;
  private final Clock clock;
  private final Duration ttl;
  private final int chunkSize;

  public SubjectPackagerService(ContactRepository contacts, PurposeRepository purposes,
      List<SubjectDataParticipant> participants, PackageStore store, IdGenerator ids, TokenGenerator tokens,
      Clock clock, Duration ttl, int chunkSize) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.participants = List.copyOf(participants);
    this.store = Objects.requireNonNull(store, "store");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a package lives longer than zero");
    }
    if (chunkSize < 1024) {
      throw new IllegalArgumentException("a chunk holds at least 1 KiB");
    }
    this.chunkSize = chunkSize;
  }

  @Override
  public PackageReceipt build(WorkspaceId workspace, UUID requestId, EmailAddress subject, boolean portable) {
    Instant now = Timestamps.now(clock);
    UUID packageId = ids.newId();
    Instant expiresAt = now.plus(ttl);
    store.create(workspace, packageId, requestId, now, expiresAt);
    Optional<Contact> contact = contactWith(workspace, subject);
    Map<String, Integer> counts = new LinkedHashMap<>();
    participants.forEach(p -> counts.put(p.name(), 0));
    ChunkedOutputStream chunks = new ChunkedOutputStream(store, workspace, packageId, chunkSize);
    try (ZipOutputStream zip = new ZipOutputStream(chunks, StandardCharsets.UTF_8)) {
      Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      zip.putNextEntry(new ZipEntry(portable ? "data.json" : "subject.json"));
      writeJson(out, workspace, contact, subject, now, counts);
      out.flush();
      zip.closeEntry();
      if (portable) {
        for (SubjectDataParticipant participant : participants) {
          zip.putNextEntry(new ZipEntry(participant.name() + ".csv"));
          SectionCsv csv = new SectionCsv(out);
          contact.ifPresent(c -> participant.stream(workspace, c, csv::row));
          out.flush();
          zip.closeEntry();
        }
      } else {
        zip.putNextEntry(new ZipEntry("processing.json"));
        JsonText.write(out, ProcessingDeclaration.of(purposes.list(workspace),
            participants.stream().map(SubjectDataParticipant::dataClass).distinct().toList(), DataMap.standard()));
        out.flush();
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("index.html"));
        IndexHtml html = new IndexHtml(out);
        html.start(now);
        for (SubjectDataParticipant participant : participants) {
          html.section(participant.name(), DataMap.standard().find(participant.dataClass()));
          contact.ifPresent(c -> participant.stream(workspace, c, html::record));
          html.endSection();
        }
        html.end(purposes.list(workspace));
        out.flush();
        zip.closeEntry();
      }
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PackageReceipt(packageId, expiresAt, chunks.bytes(), counts);
  }

  @Override
  public Optional<String> issueDownloadToken(WorkspaceId workspace, UUID packageId) {
    String token = tokens.newToken(TOKEN_PREFIX);
    return store.setTokenHash(workspace, packageId, TokenHash.of(token), Timestamps.now(clock))
        ? Optional.of(token) : Optional.empty();
  }

  /** The contact with the address, found through the list's search and compared exactly. */
  private Optional<Contact> contactWith(WorkspaceId workspace, EmailAddress subject) {
    String address = subject.normalised();
    String search = address.length() > ListQuery.MAX_SEARCH ? address.substring(0, ListQuery.MAX_SEARCH) : address;
    List<Contact> found = new ArrayList<>(1);
    ListQuery.first(ContactListing.OFFER, 200).searching(search).forEachRow(q -> contacts.list(workspace, q), c -> {
      if (c.email().normalised().equals(address)) {
        found.add(c);
      }
    });
    // The list's read may leave sensitive values out; the participants read what they need by id.
    return found.stream().findFirst().flatMap(c -> contacts.findById(workspace, c.id()));
  }

  /** {@code subject.json} / {@code data.json}: every section with its records, written as they come. */
  private void writeJson(Writer out, WorkspaceId workspace, Optional<Contact> contact, EmailAddress subject,
      Instant now, Map<String, Integer> counts) throws IOException {
    out.write("{\"subject\":");
    JsonText.string(out, subject.value());
    out.write(",\"generatedAt\":");
    JsonText.string(out, now.toString());
    out.write(",\"sections\":[");
    boolean firstSection = true;
    for (SubjectDataParticipant participant : participants) {
      if (!firstSection) {
        out.write(',');
      }
      firstSection = false;
      out.write("{\"name\":");
      JsonText.string(out, participant.name());
      out.write(",\"dataClass\":");
      JsonText.string(out, participant.dataClass());
      out.write(",\"category\":");
      JsonText.string(out, DataMap.standard().find(participant.dataClass()).map(c -> c.category().name()).orElse(""));
      out.write(",\"records\":[");
      boolean[] first = {true};
      contact.ifPresent(c -> participant.stream(workspace, c, record -> {
        try {
          if (!first[0]) {
            out.write(',');
          }
          first[0] = false;
          JsonText.write(out, record.fields());
          counts.merge(participant.name(), 1, Integer::sum);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      out.write("]}");
    }
    out.write("]}");
  }

  /** One section's CSV: RFC 4180, the first record's fields as the header, formulas defused. */
  static final class SectionCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;
    private List<String> columns;

    SectionCsv(Writer out) {
      this.out = out;
    }

    void row(SubjectRecord record) {
      try {
        if (columns == null) {
          columns = List.copyOf(record.fields().keySet());
          line(new ArrayList<>(columns));
        }
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
          Object value = record.fields().get(column);
          cells.add(value == null ? "" : value.toString());
        }
        line(cells);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void line(List<String> cells) throws IOException {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(cell(cells.get(i)));
      }
      out.write("\r\n");
    }

    static String cell(String text) {
      String defused = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
      if (defused.contains(",") || defused.contains("\"") || defused.contains("\n") || defused.contains("\r")) {
        return "\"" + defused.replace("\"", "\"\"") + "\"";
      }
      return defused;
    }
  }
}
