package org.tcmeval.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the real broker from the beginning, so tests assert on what was really published. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        // Assign every partition explicitly instead of joining a group: no rebalance to wait for,
        // and no partition is missed while a group is still forming.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                sleep();
            }
        }
        if (partitions.isEmpty()) {
            throw new AssertionError("topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until a record matches, or fails after the timeout with what was seen. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        for (ConsumerRecord<String, String> r : seen) {
            if (match.test(r)) {
                return r;
            }
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            int from = seen.size();
            // Keep the whole batch: the consumer has already moved past every record in it.
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            for (int i = from; i < seen.size(); i++) {
                if (match.test(seen.get(i))) {
                    return seen.get(i);
                }
            }
        }
        // The last few records are what a reader of the failure needs; a busy topic holds thousands.
        List<String> last = seen.stream().skip(Math.max(0, seen.size() - 10))
                .map(r -> r.key() + "=" + r.value()).toList();
        throw new AssertionError("no matching record within " + timeout + " among " + seen.size()
                + " records; the last ones: " + last);
    }

    /** Everything read so far plus whatever arrives within {@code quiet}. */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        Instant deadline = Instant.now().plus(quiet);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /**
     * Everything on the topic up to its end as of this call: polls until the reader's position has
     * reached every partition's end offset (or fails after {@code timeout}), so a count of records is
     * exact rather than whatever arrived within a quiet period.
     */
    public List<ConsumerRecord<String, String>> readToEnd(Duration timeout) {
        var ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        Instant deadline = Instant.now().plus(timeout);
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the topic's end " + ends + " not reached within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** How many records the topic has ever been given: the sum of its partitions' end offsets. */
    public long endOffsetsTotal() {
        return consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10)).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
