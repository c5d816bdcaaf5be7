package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.datamap.DataCategory;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.datamap.DataMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code processing.json} declares to a person (GDPR Art. 15(1), DSR-02): the workspace's
 * purposes with their lawful bases, and for each data class a package holds, its category, purpose,
 * basis, CCPA category, retention period (the {@link DataMap}'s rule in words) and recipients; and
 * the right to complain to a supervisory authority (DSR-16).
 */
public final class ProcessingDeclaration {

  /** Who receives a workspace's CRM data: the controller's own people, and the processor that hosts it. */
  static final List<String> RECIPIENTS = List.of(
      "the workspace (the controller) and the members and API keys it lets in",
      "the operator of this Custodian CRM installation (the processor), which hosts, backs up and mails for it");

  static final String RIGHT_TO_COMPLAIN = "You have the right to lodge a complaint with a supervisory authority, "
      + "in particular in the EU member state of your habitual residence, place of work or of the alleged "
      + "infringement (GDPR Art. 77); and to ask the controller to rectify, erase or restrict your data, or to "
      + "object to its processing.";

  /** The data map's categories of an account holder's own data, for which the platform is the controller. */
  private static final Set<DataCategory> ACCOUNT_CATEGORIES =
      Set.of(DataCategory.ACCOUNT_DATA, DataCategory.AUTHENTICATION_AND_AUDIT);

  private ProcessingDeclaration() {}

  /**
   * The platform's declaration to an account holder ({@code /me/export}'s {@code processing}, DSR-01,
   * DSR-06 for accounts): the data classes of their own data, from the same data map as a package's.
   */
  public static List<DataClass> platform(DataMap map) {
    return map.classes().stream().filter(c -> ACCOUNT_CATEGORIES.contains(c.category())).toList();
  }

  static Map<String, Object> of(List<Purpose> purposes, List<String> dataClasses, DataMap map) {
    Map<String, Object> declaration = new LinkedHashMap<>();
    List<Object> purposeList = new ArrayList<>();
    for (Purpose purpose : purposes) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("key", purpose.key().value());
      p.put("name", purpose.name().value());
      p.put("description", purpose.description().map(t -> t.value()).orElse(null));
      p.put("basis", purpose.basis().name());
      p.put("basisJustification", purpose.basisJustification().map(t -> t.value()).orElse(null));
      p.put("retired", purpose.isRetired());
      purposeList.add(p);
    }
    declaration.put("purposes", purposeList);
    List<Object> categories = new ArrayList<>();
    for (String name : dataClasses) {
      map.find(name).ifPresent(c -> categories.add(category(c)));
    }
    declaration.put("categories", categories);
    declaration.put("recipients", RECIPIENTS);
    declaration.put("rightToComplain", RIGHT_TO_COMPLAIN);
    return declaration;
  }

  static Map<String, Object> category(DataClass c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataClass", c.name());
    m.put("description", c.description());
    m.put("category", c.category().name());
    m.put("purpose", c.purpose());
    m.put("basis", c.basis().name());
    m.put("ccpaCategory", c.ccpa().map(Enum::name).orElse(null));
    m.put("retention", c.rule().describe());
    m.put("recipients", RECIPIENTS);
    return m;
  }
}
