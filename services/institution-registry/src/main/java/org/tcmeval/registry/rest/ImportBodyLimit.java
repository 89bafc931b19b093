package org.tcmeval.registry.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.tcmeval.registry.config.RegistryConfig;
import org.tcmeval.support.http.OperationBodyLimit;

/** A chunked CSV import is refused once it passes {@code tcm.registry.imports.max-bytes} (see {@link UploadLimit}). */
@ApplicationScoped
public class ImportBodyLimit implements OperationBodyLimit {

    @Inject
    RegistryConfig config;

    @Override
    public OptionalLong maxBytes(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && request.path().endsWith("/import")
                ? OptionalLong.of(config.imports().maxBytes()) : OptionalLong.empty();
    }
}
