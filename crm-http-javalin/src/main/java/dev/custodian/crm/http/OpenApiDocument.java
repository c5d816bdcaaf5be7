package dev.custodian.crm.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.ValueType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP adapter: the OpenAPI 3.1 document of the API, generated from the route table alone: one
 * operation per route with its access (security, and {@code x-minimum-role} from the permission
 * matrix), path parameters, the request and response schemas read from their records (strict, as
 * the JSON binding is), and the problem responses.
 */
final class OpenApiDocument {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final String PROBLEM = "#/components/schemas/Problem";

  private final ObjectMapper mapper;
  private final PermissionMatrix matrix;
  private final ObjectNode schemas;

  private OpenApiDocument(ObjectMapper mapper, PermissionMatrix matrix) {
    this.mapper = mapper;
    this.matrix = matrix;
    this.schemas = mapper.createObjectNode();
  }

  static ObjectNode of(List<Route> routes, ObjectMapper mapper, PermissionMatrix matrix) {
    return new OpenApiDocument(mapper, matrix).build(routes);
  }

  private ObjectNode build(List<Route> routes) {
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Custodian CRM").put("version", "v1")
        .put("description", "Generated from the server's route table. Errors are RFC 9457 problems.");
    ObjectNode paths = doc.putObject("paths");
    for (Route route : routes) {
      ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
      path.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
    }
    ObjectNode components = doc.putObject("components");
    schemas.set("Problem", problemSchema());
    components.set("schemas", schemas);
    ObjectNode security = components.putObject("securitySchemes");
    security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "__Host-crm_session")
        .put("description", "The session a sign-in starts (POST /api/v1/auth/login).");
    security.putObject("apiKey").put("type", "http").put("scheme", "bearer")
        .put("description", "An API key of one workspace (crmk_...), as Authorization: Bearer.");
    return doc;
  }

  private ObjectNode operation(Route route) {
    ObjectNode op = mapper.createObjectNode();
    op.put("operationId", route.operationId());
    op.put("summary", route.summary());
    ArrayNode parameters = mapper.createArrayNode();
    Matcher names = PATH_PARAMETER.matcher(route.path());
    while (names.find()) {
      ObjectNode p = parameters.addObject().put("name", names.group(1)).put("in", "path").put("required", true);
      p.putObject("schema").put("type", "string").put("format", "uuid");
    }
    if (route.paged()) {
      listParameters(route.list(), parameters);
      if (route.list().acceptsCustomFields()) {
        customFieldParameters(op);
      }
    }
    if (route.filters() != null) {
      filterParameters(route.filters(), parameters);
    }
    if (route.export() != null) {
      filterParameters(route.export().offer(), parameters);
      orderParameters(route.export().offer(), parameters);
      ArrayNode formats = query(parameters, "format").put("required", true)
          .put("description", "The file's format").putObject("schema").put("type", "string").putArray("enum");
      route.export().formats().keySet().stream().sorted().forEach(formats::add);
      if (route.export().sensitive()) {
        query(parameters, "includeSensitive").put("description", "true: also the values of sensitive custom fields")
            .putObject("schema").put("type", "boolean").put("default", false);
      }
    }
    for (Route.QueryParameter parameter : route.query()) {
      ObjectNode schema = query(parameters, parameter.name()).put("description", parameter.description())
          .putObject("schema").put("type", "string");
      if (parameter.format() != null) {
        schema.put("format", parameter.format());
      }
    }
    for (String header : route.headers()) {
      parameters.addObject().put("name", header).put("in", "header").put("required", false)
          .putObject("schema").put("type", "string");
    }
    if (!parameters.isEmpty()) {
      op.set("parameters", parameters);
    }
    if (route.requestBody() != null) {
      ObjectNode body = op.putObject("requestBody").put("required", true);
      body.putObject("content").putObject(route.requestMediaType()).set("schema", ref(route.requestBody()));
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode success = responses.putObject(String.valueOf(route.status())).put("description", "Success");
    if (route.export() != null) {
      ObjectNode content = success.putObject("content");
      route.export().formats().values().stream().sorted()
          .forEach(type -> content.putObject(type).putObject("schema").put("type", "string"));
    } else if (route.response() != null) {
      success.putObject("content").putObject("application/json")
          .set("schema", route.paged() ? page(route.response()) : ref(route.response()));
    }
    responses.putObject("4XX").put("description", "A problem with the request (see the README's problem types)")
        .putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
    responses.putObject("5XX").put("description", "The server or its database could not answer")
        .putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
    ArrayNode security = op.putArray("security");
    if (route.access() instanceof Access.Account) {
      security.addObject().putArray("session");
    } else if (route.access() instanceof Access.InWorkspace inWorkspace) {
      security.addObject().putArray("session");
      matrix.grantOf(inWorkspace.permission()).ifPresent(grant -> {
        if (!grant.accountsOnly()) {
          security.addObject().putArray("apiKey");
        }
        op.put("x-minimum-role", grant.minimum().name());
      });
      op.put("x-permission", inWorkspace.permission().name());
    }
    return op;
  }

  /** The list grammar's query parameters, as the route's offer allows them. */
  private void listParameters(ListOffer offer, ArrayNode parameters) {
    filterParameters(offer, parameters);
    orderParameters(offer, parameters);
    query(parameters, "limit").putObject("schema").put("type", "integer").put("minimum", 1)
        .put("maximum", PageRequest.MAX_LIMIT).put("default", PageRequest.DEFAULT_LIMIT);
    query(parameters, "cursor").put("description", "A page's nextCursor, with the same filters and sort")
        .putObject("schema").put("type", "string");
  }

  /** The list grammar's {@code sort} and {@code q}, as the offer allows them. */
  private void orderParameters(ListOffer offer, ArrayNode parameters) {    if (!offer.sorts().isEmpty()) {
      ObjectNode sort = query(parameters, "sort")
          .put("description", "The order: a field, ascending, or -field, descending; empty values last, ties by id");
      ArrayNode values = sort.putObject("schema").put("type", "string").put("default", offer.defaultSort().parameter())
          .putArray("enum");
      offer.sorts().keySet().forEach(field -> values.add(field).add("-" + field));
      offer.sorts().keySet().forEach(field -> offer.companionOf(field).ifPresent(companion -> sort.put("description",
          sort.get("description").asText() + "; " + field + " needs " + companion + "= given once")));
    }
    if (offer.searchable()) {
      query(parameters, "q").put("description", "Search: a case-insensitive substring of the fields the list names; unranked")
          .putObject("schema").put("type", "string").put("minLength", ListQuery.MIN_SEARCH).put("maxLength", ListQuery.MAX_SEARCH);
    }
  }

  /**
   * The custom field parameters of a list: their names are the workspace's keys, which a document
   * cannot enumerate, so they are described by a pattern ({@code x-custom-field-parameters}) and in
   * the operation's description.
   */
  private void customFieldParameters(ObjectNode op) {
    String description = "Also filters and sorts by the workspace's custom fields of this record type: custom.<key>=v"
        + " (repeat: any of; text ignoring case, a select's option key, true or false), custom.<key>.gte,"
        + " custom.<key>.lte (number, decimal, date, currency), custom.<key>.empty=true|false, sort=custom.<key> or"
        + " -custom.<key> (not a multi-select; empty values last); a currency field's range or sort needs"
        + " custom.<key>.currency=<code> given once. An unknown key or an operator its type lacks is a 400.";
    op.put("description", description);
    ObjectNode custom = op.putObject("x-custom-field-parameters");
    custom.put("pattern", "^custom\\.[a-z][a-z0-9_]{0,49}(\\.(gte|lte|empty|currency|currency\\.empty))?$");
    custom.put("sortPattern", "^-?custom\\.[a-z][a-z0-9_]{0,49}$");
    custom.put("description", description);
  }

  /** The list grammar's filter parameters, as the offer allows them. */
  private void filterParameters(ListOffer offer, ArrayNode parameters) {
    for (Map.Entry<String, ListOffer.FilterOffer> filter : offer.filters().entrySet()) {
      for (Filter.Operator operator : filter.getValue().operators()) {
        ObjectNode p = query(parameters, filter.getKey() + operator.suffix());
        ValueType type = filter.getValue().type();
        switch (operator) {
          case ANY_OF -> {
            p.put("description", "Any of these values (repeat the parameter), at most " + ListQuery.MAX_ANY_OF);
            p.put("style", "form").put("explode", true);
            ObjectNode array = p.putObject("schema").put("type", "array").put("maxItems", ListQuery.MAX_ANY_OF);
            array.set("items", valueSchema(type));
          }
          case AT_LEAST -> p.put("description", "At least this value").set("schema", valueSchema(type));
          case AT_MOST -> p.put("description", "At most this value").set("schema", valueSchema(type));
          case EMPTY -> p.put("description", "true: only rows without a value; false: only rows with one")
              .putObject("schema").put("type", "boolean");
        }
        offer.companionOf(filter.getKey()).ifPresent(companion ->
            p.put("description", p.get("description").asText() + "; needs " + companion + "= given once"));
      }
    }
  }

  private static ObjectNode query(ArrayNode parameters, String name) {
    return parameters.addObject().put("name", name).put("in", "query").put("required", false);
  }

  private ObjectNode valueSchema(ValueType type) {
    ObjectNode schema = mapper.createObjectNode().put("type", "string");
    switch (type.kind()) {
      case UUID -> schema.put("format", "uuid");
      case INSTANT -> schema.put("format", "date-time");
      case DATE -> schema.put("format", "date");
      case TEXT -> schema.put("maxLength", ValueType.MAX_TEXT_LENGTH);
      case ENUM -> {
        ArrayNode constants = schema.putArray("enum");
        type.constants().forEach(constants::add);
      }
      case DECIMAL -> schema.put("pattern", "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$");
      case NUMERIC -> schema.put("pattern", "^-?[0-9]{1,30}(\\.[0-9]{1,10})?$");
      case INTEGER -> schema.put("pattern", "^-?[0-9]{1,19}$");
      case BOOLEAN -> {
        ArrayNode constants = schema.putArray("enum");
        constants.add("true").add("false");
      }
    }
    return schema;
  }

  private ObjectNode page(Class<?> item) {
    ObjectNode schema = mapper.createObjectNode().put("type", "object").put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("items").put("type", "array").set("items", ref(item));
    properties.putObject("nextCursor").put("type", "string");
    schema.putArray("required").add("items");
    return schema;
  }

  /** A reference to the record's schema, which is added to the components once. */
  private ObjectNode ref(Class<?> type) {
    String name = type.getSimpleName();
    if (!schemas.has(name)) {
      schemas.putObject(name); // placeholder first: a record that refers to itself stops here
      schemas.set(name, recordSchema(type));
    }
    return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
  }

  private ObjectNode recordSchema(Class<?> type) {
    if (JsonNode.class.isAssignableFrom(type)) {
      return mapper.createObjectNode().put("type", "object");
    }
    ObjectNode schema = mapper.createObjectNode().put("type", "object").put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    addProperties(type, properties);
    return schema;
  }

  private void addProperties(Class<?> type, ObjectNode properties) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is no record: the table documents records only");
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(JsonUnwrapped.class)
          || component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        addProperties(component.getType(), properties);
        continue;
      }
      properties.set(jsonName(component), schemaOf(component.getGenericType()));
    }
  }

  /** The component's JSON name: its {@code @JsonProperty} name if it has one. */
  static String jsonName(RecordComponent component) {
    JsonProperty named = component.getAnnotation(JsonProperty.class);
    if (named == null) {
      named = component.getAccessor().getAnnotation(JsonProperty.class);
    }
    return named != null && !named.value().isEmpty() ? named.value() : component.getName();
  }

  private ObjectNode schemaOf(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode array = mapper.createObjectNode().put("type", "array");
        array.set("items", schemaOf(arguments[0]));
        return array;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode map = mapper.createObjectNode().put("type", "object");
        map.set("additionalProperties", schemaOf(arguments[1]));
        return map;
      }
      return schemaOf(raw);
    }
    Class<?> c = (Class<?>) type;
    ObjectNode schema = mapper.createObjectNode();
    if (c == String.class) {
      return schema.put("type", "string");
    }
    if (c == UUID.class) {
      return schema.put("type", "string").put("format", "uuid");
    }
    if (c == Instant.class) {
      return schema.put("type", "string").put("format", "date-time");
    }
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
      return schema.put("type", "integer");
    }
    if (c == Boolean.class || c == boolean.class) {
      return schema.put("type", "boolean");
    }
    if (c.isEnum()) {
      ArrayNode values = schema.put("type", "string").putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(constant.toString());
      }
      return schema;
    }
    if (JsonNode.class.isAssignableFrom(c) || c == Object.class) {
      return schema; // any JSON
    }
    return ref(c);
  }

  private ObjectNode problemSchema() {
    ObjectNode schema = mapper.createObjectNode().put("type", "object");
    ObjectNode p = schema.putObject("properties");
    p.putObject("type").put("type", "string");
    p.putObject("title").put("type", "string");
    p.putObject("status").put("type", "integer");
    p.putObject("detail").put("type", "string");
    ObjectNode item = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
    ObjectNode itemProperties = item.putObject("properties");
    for (String name : List.of("pointer", "parameter", "header", "detail")) {
      itemProperties.putObject(name).put("type", "string");
    }
    p.putObject("moreErrors").put("type", "integer");
    schema.putArray("required").add("type").add("title").add("status");
    return schema;
  }
}
