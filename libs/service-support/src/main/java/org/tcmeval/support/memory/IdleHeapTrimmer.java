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
 * thread anyway, and the check must not wait behind a busy event loop. Code that knows a burst has
 * just ended calls {@link #requestTrim()}: reporting when a bulk report job has finished
 * (ReportJobRunner, after its last commit), evaluation when it has absorbed a backlog of reports
 * (EvaluationService, a second after the last of a run of large polls). Not per message or per
 * batch of a steady stream.
 */
@ApplicationScoped
public class IdleHeapTrimmer {

    @Inject
    IdleHeapTrimConfig config;

    private volatile ScheduledExecutorService timer;
    private volatile IdleHeapTrim trim;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        trim = new IdleHeapTrim(new IdleHeapTrim.Settings(config.idleAfter(), config.maxIdleCpu(),
                config.minGrowth().asLongValue(), config.trimNative(), config.requestCooldown()), new JvmProbe(),
                System::nanoTime);
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("idle-heap-trim")
                .stackSize(256 * 1024).unstarted(r));
        long every = config.checkInterval().toMillis();
        timer.scheduleAtFixedRate(() -> tick(trim), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A burst has just ended: give the heap it grew back now rather than after the quiet period (a
     * full collection on this trimmer's thread; the caller does not wait for it). Right after
     * reporting's bulk job the service otherwise sat ~100 MB over its settled size for 5-6 s.
     */
    public void requestTrim() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            return;
        }
        trim.request();
        try {
            t.execute(() -> tick(trim));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The service is stopping: nothing to give back to.
        }
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
