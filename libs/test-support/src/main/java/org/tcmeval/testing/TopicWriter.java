package org.tcmeval.testing;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventJson;

/**
 * Publishes events to the real broker as another service would: the event contract is the seam
 * between services, so a consumer's test feeds it what the producer's contract says.
 */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Sends with the same headers the outbox relay sets, so consumers see exactly what production sends. */
    public static void send(String topic, String key, EventEnvelope<?> event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(event));
        record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventJson.ID_HEADER, event.id().getBytes(StandardCharsets.UTF_8));
        sendRecord(record);
    }

    public static void sendRaw(String topic, String key, String value) {
        sendRecord(new ProducerRecord<>(topic, key, value));
    }

    private static void sendRecord(ProducerRecord<String, String> record) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfraResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(record).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }
}
