package org.tcmeval.support.memory;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;

/**
 * Runs {@link IdleHeapTrim} in every service on a thread of its own: a full collection stops every
 * thread anyway, and the check must not wait behind a busy event loop.
 */
@ApplicationScoped
public class IdleHeapTrimmer {

    @Inject
    IdleHeapTrimConfig config;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        IdleHeapTrim trim = new IdleHeapTrim(new IdleHeapTrim.Settings(config.idleAfter(), config.maxIdleCpu(),
                config.minGrowth().asLongValue(), config.trimNative()), new JvmProbe(), System::nanoTime);
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("idle-heap-trim")
                .stackSize(256 * 1024).unstarted(r));
        long every = config.checkInterval().toMillis();
        timer.scheduleAtFixedRate(() -> tick(trim), every, every, TimeUnit.MILLISECONDS);
    }

    private static void tick(IdleHeapTrim trim) {
        try {
            if (trim.tick() == IdleHeapTrim.Outcome.TRIMMED) {
                IdleHeapTrim.Trim t = trim.lastTrim();
                Log.debugf("quiet after a burst: full collection gave heap back, committed %d MB -> %d MB in %d ms",
                        t.committedBefore() >> 20, t.committedAfter() >> 20, t.took().toMillis());
            }
        } catch (RuntimeException e) {
            // A failed check must not end the timer (a scheduled task that throws is never run again).
            Log.warnf(e, "idle heap trim check failed");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The running JVM, through its management beans. */
    static final class JvmProbe implements IdleHeapTrim.Probe {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        @Override
        public long cpuNanos() {
            return os.getProcessCpuTime();
        }

        @Override
        public long heapCommitted() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        }

        @Override
        public void collect() {
            // Serial GC runs System.gc() as a full collection, which is what shrinks the heap.
            System.gc();
        }

        @Override
        public void trimNative() {
            try {
                // jcmd's System.trim_native_heap: glibc's malloc_trim (a no-op elsewhere).
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                        new Object[] {new String[0]}, new String[] {String[].class.getName()});
            } catch (Exception e) {
                Log.debugf("native heap not trimmed: %s", e);
            }
        }
    }
}
