package org.tcmeval.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code openapi/asyncapi.yaml} read as a JSON tree, with its schemas usable by a JSON Schema
 * validator. AsyncAPI 3's default schema format is a superset of JSON Schema draft 7, and the
 * document only uses draft 7 keywords, so draft 7 validation is what a consumer's validator does.
 *
 * <p>Shared as this module's test-jar: deploy/launcher's SuiteTest checks the records the running
 * services really published with {@link #check}.
 */
public final class AsyncApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    final JsonNode root;

    private AsyncApi(JsonNode root) {
        this.root = root;
    }

    public static AsyncApi load() {
        Path root = Path.of(System.getProperty("tcm.root", "../..")).toAbsolutePath().normalize();
        try {
            return new AsyncApi(new ObjectMapper(new YAMLFactory()).readTree(root.resolve("openapi/asyncapi.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with one Kafka record of {@code topic} by this document: its key against the
     * message's Kafka key binding, its headers against the message's headers schema, its value
     * against the payload schema (undeclared properties included). Empty when the record is as
     * described.
     */
    public List<String> check(String topic, String key, Map<String, String> headers, String value) {
        JsonNode channel = null;
        for (JsonNode c : channels()) {
            if (c.path("address").asText().equals(topic)) {
                channel = c;
            }
        }
        if (channel == null) {
            return List.of("topic " + topic + " has no channel");
        }
        List<String> problems = new ArrayList<>();
        JsonNode json;
        try {
            json = JSON.readTree(value);
        } catch (IOException e) {
            return List.of("value is not JSON: " + e.getMessage());
        }
        JsonNode message = null;
        for (JsonNode m : channel.path("messages")) {
            JsonNode candidate = resolve(m);
            if (candidate.path("name").asText().equals(json.path("type").asText())) {
                message = candidate;
            }
        }
        if (message == null) {
            return List.of("type " + json.path("type") + " is not a message of channel " + topic);
        }
        validate(message.at("/bindings/kafka/key"), JSON.getNodeFactory().textNode(key))
                .forEach(p -> problems.add("key " + key + ": " + p));
        ObjectNode headerNode = JSON.createObjectNode();
        headers.forEach(headerNode::put);
        validate(message.path("headers"), headerNode).forEach(p -> problems.add("headers " + headers + ": " + p));
        validate(message.path("payload"), json).forEach(p -> problems.add("value: " + p));
        undeclared(message.path("payload"), json).forEach(p -> problems.add("value: " + p + " is not in the AsyncAPI"));
        return problems;
    }

    JsonNode channels() {
        return root.path("channels");
    }

    JsonNode message(String name) {
        return root.path("components").path("messages").path(name);
    }

    JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); any other node as it is. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** Validation errors of {@code value} against {@code schema}, a node of this document; empty when valid. */
    List<String> validate(JsonNode schema, JsonNode value) {
        // The schema is validated as a document of its own that carries the components, so that the
        // document's local references (#/components/schemas/...) resolve as they do in the AsyncAPI.
        if (!resolve(schema).isObject()) {
            return List.of("the AsyncAPI has no schema here");
        }
        ObjectNode standalone = resolve(schema).deepCopy();
        standalone.set("components", JSON.createObjectNode().set("schemas", root.path("components").path("schemas")));
        JsonSchema validator = FACTORY.getSchema(standalone);
        Set<ValidationMessage> errors = validator.validate(value);
        return errors.stream().map(ValidationMessage::toString).sorted().toList();
    }

    /**
     * Properties present in {@code value} that {@code schema} does not declare, as JSON paths. JSON
     * Schema lets undeclared properties through unless a schema closes itself; a property on the
     * wire that the AsyncAPI does not name is still drift.
     */
    List<String> undeclared(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        undeclared(schema, value, "$", found);
        return found;
    }

    private void undeclared(JsonNode schema, JsonNode value, String at, List<String> found) {
        schema = resolve(schema);
        if (value.isObject()) {
            Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
            collectProperties(schema, properties);
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode declared = properties.get(field.getKey());
                if (declared != null) {
                    undeclared(declared, field.getValue(), at + "." + field.getKey(), found);
                } else if (additional.isObject()) {
                    undeclared(additional, field.getValue(), at + "." + field.getKey(), found);
                } else {
                    found.add(at + "." + field.getKey());
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                undeclared(schema.get("items"), value.get(i), at + "[" + i + "]", found);
            }
        }
    }

    /** Properties of a schema and of every part of its {@code allOf}; the later part wins, as it narrows. */
    private void collectProperties(JsonNode schema, Map<String, JsonNode> into) {
        schema = resolve(schema);
        for (JsonNode part : schema.path("allOf")) {
            collectProperties(part, into);
        }
        // The message payload's second part narrows the envelope's `data: {type: object}` to the
        // event's own schema.
        schema.path("properties").fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue()));
    }

    static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
