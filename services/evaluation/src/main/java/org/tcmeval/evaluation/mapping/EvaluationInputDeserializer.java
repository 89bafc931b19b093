package org.tcmeval.evaluation.mapping;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka's value deserializer of evaluation's input channel: see {@link EvaluationInput}. */
public class EvaluationInputDeserializer implements Deserializer<EvaluationInput> {

    @Override
    public EvaluationInput deserialize(String topic, byte[] data) {
        return EvaluationInput.read(data == null ? null : new String(data, StandardCharsets.UTF_8));
    }
}
