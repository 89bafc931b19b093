package org.tcmeval.catalog.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.tcmeval.catalog.config.CatalogConfig;
import org.tcmeval.support.http.OperationBodyLimit;

/** A chunked technique-list upload is refused once it passes its own limit (1 MB by default), not the service's. */
@ApplicationScoped
public class TechniqueListBodyLimit implements OperationBodyLimit {

    @Inject
    CatalogConfig config;

    @Override
    public OptionalLong maxBytes(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && request.path().startsWith("/api/v1/techniques/lists/")
                && request.path().endsWith("/import") ? OptionalLong.of(config.techniques().maxUploadBytes())
                : OptionalLong.empty();
    }
}
