package org.tcmeval.registry.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.rest.InstitutionRequest;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;

/**
 * JSON Merge Patch (RFC 7396) of an institution: a field sent replaces the stored value, a field
 * sent as {@code null} clears it, a field left out stays. The result must be a valid full request.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public static InstitutionDraft apply(InstitutionDraft current, JsonNode patch, ObjectMapper json, Validator validator) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("$", Rules.TYPE, "a merge patch is a JSON object of the fields to change");
        }
        ObjectNode merged = json.valueToTree(new InstitutionRequest(current.name(), current.type(), current.divisionCode(),
                current.uscc(), current.registrationNumber(), current.ownership(), current.grade(),
                current.ethnicMedicine(), current.openedOn(), current.closedOn()));
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!merged.has(f.getKey())) {
                throw ProblemException.invalid(f.getKey(), "unknown-field", "unknown field '" + f.getKey() + "'");
            }
            merged.set(f.getKey(), f.getValue());
        }
        InstitutionRequest request;
        try {
            request = json.treeToValue(merged, InstitutionRequest.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    && m.getPath().get(0).getFieldName() != null ? m.getPath().get(0).getFieldName() : "$";
            throw ProblemException.invalid(field, "type", e.getOriginalMessage());
        }
        Set<ConstraintViolation<InstitutionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request.toDraft();
    }
}
