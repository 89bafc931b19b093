package org.tcmeval.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real single-node KRaft Kafka broker (jars resolved by Maven into {@code kafka-runtime}) run as
 * its own JVM on 127.0.0.1, or the broker named by {@code TCM_KAFKA_BOOTSTRAP} when that is set.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final Path workDir;
    private final int port;
    private final String bootstrap;
    private volatile Process process;

    private KafkaBroker(Path workDir, int port, String bootstrap) {
        this.workDir = workDir;
        this.port = port;
        this.bootstrap = bootstrap;
    }

    /**
     * @param workDir holds server.properties, the log and the data; an existing formatted data
     *                directory is reused, so topics survive a restart
     */
    public static KafkaBroker start(Path workDir, int port) {
        return start(workDir, port, broker -> { });
    }

    /** As {@link #start(Path, int)}, handing the broker to {@code onLaunch} as soon as its process exists. */
    public static KafkaBroker start(Path workDir, int port, Consumer<? super KafkaBroker> onLaunch) {
        String external = System.getenv("TCM_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        KafkaBroker kafka = new KafkaBroker(workDir, port, "127.0.0.1:" + port);
        kafka.launch(onLaunch);
        return kafka;
    }

    /** A broker started elsewhere, used but never started or stopped. */
    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(null, -1, bootstrapServers);
    }

    /**
     * Starts the broker again after {@link #stop()} or {@link #kill()}, on the same port with the
     * same data: topics, offsets and committed consumer positions are as the broker left them.
     */
    public synchronized void start() {
        requireEmbedded();
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        launch(broker -> { });
    }

    /** Stops the broker as an administrator would (SIGTERM: controlled shutdown), waiting until it has exited. */
    public synchronized void stop() {
        requireEmbedded();
        Processes.stop(process, Duration.ofSeconds(20));
    }

    /** Crashes the broker: SIGKILL, no controlled shutdown. */
    public synchronized void kill() {
        requireEmbedded();
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void requireEmbedded() {
        if (workDir == null) {
            throw new IllegalStateException("not an embedded broker (TCM_KAFKA_BOOTSTRAP is set)");
        }
    }

    private void launch(Consumer<? super KafkaBroker> onLaunch) {
        try {
            Files.createDirectories(workDir);
            int controllerPort = Ports.free();
            Path dataDir = workDir.resolve("data");
            Path config = workDir.resolve("server.properties");
            Files.writeString(config, serverProperties(port, controllerPort, dataDir));
            Path log4j = workDir.resolve("log4j2.properties");
            Files.writeString(log4j, """
                    rootLogger.level = INFO
                    rootLogger.appenderRef.out.ref = out
                    appender.out.type = Console
                    appender.out.name = out
                    appender.out.layout.type = PatternLayout
                    appender.out.layout.pattern = [%d] %p %m (%c)%n
                    logger.kafka.name = kafka
                    logger.kafka.level = INFO
                    logger.apache.name = org.apache.kafka
                    logger.apache.level = WARN
                    """);
            Path logFile = workDir.resolve("broker.log");
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                Process format = javaProcess(workDir, log4j, logFile, "kafka.tools.StorageTool", "format",
                        "-t", clusterId(), "-c", config.toString(), "--ignore-formatted");
                if (format.waitFor() != 0) {
                    throw new IllegalStateException("kafka storage format failed:\n" + Processes.tail(logFile, 30));
                }
            }
            Files.deleteIfExists(logFile);
            Process broker = javaProcess(workDir, log4j, logFile, "kafka.Kafka", config.toString());
            process = broker;
            onLaunch.accept(this);
            try {
                Processes.awaitCondition("Kafka broker", Duration.ofSeconds(60), broker, logFile,
                        () -> Processes.logContains(logFile, READY_LINE) && Ports.isOpen(port));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process javaProcess(Path workDir, Path log4j, Path logFile, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Processes.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
        // C1 only starts the broker fastest, which is what tests need; a benchmark's broker under seconds of
        // load is better compiled fully, as a production broker is (TCM_KAFKA_JIT=full).
        if (!"full".equals(System.getenv("TCM_KAFKA_JIT"))) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(List.of("-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j, "-cp", brokerClasspath(),
                mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    }

    static String serverProperties(int port, int controllerPort, Path dataDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.segment.bytes=16777216",
                "") ;
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/org/tcmeval/infra/kafka.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka.classpath missing: build libs/kafka-runtime first (mvn install)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random Kafka cluster id (base64url UUID); one starting with '-' would be read as an option. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /** The broker's process id, for measuring what it costs (an external broker has none: -1). */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }
}
