package org.tcmeval.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.tcmeval.support.persistence.UniqueViolation;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;
import org.tcmeval.support.problem.ProblemType;

/**
 * Makes a create take effect once per {@code Idempotency-Key}: the action and the record of its
 * answer commit in one transaction, and a retry with the same key and body gets the stored answer
 * (header {@code Idempotent-Replayed: true}) with the same ETag. The same key with a different body
 * is a 422; two requests racing with one key are a 409 for the loser, which may simply retry.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    ObjectMapper json;

    /**
     * @param key the header value, or {@code null} when the client sent none (then the action simply runs)
     * @param scope caller and operation, e.g. {@code sub:create-institution}
     * @param request the request body, hashed to detect a key reused for another request
     * @param action runs in the transaction; answers the response to store and return
     */
    public Uni<Response> once(String key, String scope, Object request, Supplier<Uni<Response>> action) {
        if (key == null || key.isBlank()) {
            return Panache.withTransaction(action);
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, Rules.LENGTH, "Idempotency-Key must be at most 200 characters");
        }
        String hash = hash(request);
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(scope, key);
        return Panache.withTransaction(() -> IdempotencyRecord.<IdempotencyRecord>findById(id).flatMap(existing -> {
            if (existing != null) {
                if (!existing.requestHash.equals(hash)) {
                    throw ProblemException.unprocessable(HEADER, "key-reused",
                            "this Idempotency-Key was already used for a different request");
                }
                return Uni.createFrom().item(replay(existing));
            }
            return action.get().flatMap(response -> store(id, hash, response).replaceWith(response));
        })).onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                "another request with this Idempotency-Key was being processed at the same moment; retry to get its"
                        + " answer"));
    }

    private Uni<IdempotencyRecord> store(IdempotencyRecord.Key id, String hash, Response response) {
        IdempotencyRecord r = new IdempotencyRecord();
        r.key = id;
        r.requestHash = hash;
        r.status = response.getStatus();
        r.location = response.getLocation() == null ? null : response.getLocation().toString();
        r.etag = response.getEntityTag() == null ? null : response.getEntityTag().getValue();
        r.body = write(response.getEntity());
        r.createdAt = OffsetDateTime.now();
        return r.persist();
    }

    private Response replay(IdempotencyRecord r) {
        Response.ResponseBuilder b = Response.status(r.status).type("application/json").entity(r.body)
                .header(REPLAYED_HEADER, "true");
        if (r.location != null) {
            b.location(URI.create(r.location));
        }
        if (r.etag != null) {
            b.tag(r.etag);
        }
        return b.build();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
