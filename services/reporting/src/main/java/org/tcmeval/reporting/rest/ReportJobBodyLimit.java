package org.tcmeval.reporting.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.tcmeval.reporting.bulk.ReportJobConfig;
import org.tcmeval.support.http.OperationBodyLimit;

/** A chunked bulk upload is refused once it passes {@code tcm.report-jobs.max-bytes}, not the service's 64 MB. */
@ApplicationScoped
public class ReportJobBodyLimit implements OperationBodyLimit {

    @Inject
    ReportJobConfig config;

    @Override
    public OptionalLong maxBytes(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && request.path().endsWith("/report-jobs")
                ? OptionalLong.of(config.maxBytes()) : OptionalLong.empty();
    }
}
