package org.tcmeval.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tcmeval.events.EventJson;

/** The relay's one Kafka producer: idempotent, acks=all, so one key's records keep their order per partition. */
final class OutboxSender {

    /** An outbox row as the relay needs it. */
    record Row(long seq, String topic, String key, String payload, String id) {
        static Row of(Object[] c) {
            return new Row(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4]);
        }
    }

    private final KafkaProducer<String, String> producer;
    private final Duration sendTimeout;

    OutboxSender(String bootstrapServers, Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A round is thousands of records: larger batches mean fewer requests waiting on acks=all
        // (16 KB held ~15 events); the buffer stays below the default 32 MB, which the relay never needs.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(16 * 1024 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(sendTimeout.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeout.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeout.toMillis() + 5));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        producer = new KafkaProducer<>(p);
    }

    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * One entry per row tried, null when acknowledged; stops at the first failure so a dead broker
     * costs one timeout. Blocks (no metadata while the broker is down, then the acks): call on a worker.
     */
    List<String> sendAll(List<Row> rows) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        List<String> errors = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add(EventJson.CONTENT_TYPE_HEADER, EventJson.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventJson.ID_HEADER, row.id().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            } catch (RuntimeException e) {
                break;
            }
        }
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                errors.add(null);
            } catch (Exception e) {
                errors.add(String.valueOf(e.getMessage()));
            }
        }
        return errors;
    }
}
