package org.tcmeval.reporting.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tcmeval.events.EventEnvelope;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.events.TechniqueClassChanged.Item;
import org.tcmeval.events.Topics;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.testing.InfraResource;
import org.tcmeval.testing.TopicWriter;

/**
 * Reporting learns the technique lists from technique-changed on the real broker, as the catalog
 * publishes them, and checks a report's items against the list in force for its division.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
public class TechniqueDirectoryTest {

    /** 石家庄市长安区 (Hebei, 13): no official list of its own in these tests. */
    static final String HEBEI = "130102";
    /** 玉林市容县容州镇 (Guangxi, 45): uploads its own list in one test. */
    static final String RONGXIAN = "450921100";

    @Inject
    TechniqueDirectory directory;

    public static void publish(String scope, String classCode, int revision, String nameZh, Item... items) {
        TechniqueClassChanged data = new TechniqueClassChanged(classCode, revision, nameZh, null, 1, List.of(items),
                "user-test", OffsetDateTime.now(), scope);
        TopicWriter.send(Topics.TECHNIQUE_CHANGED, TechniqueClassChanged.key(scope, classCode), EventEnvelope.of(
                "/indicator-catalog", EventTypes.TECHNIQUE_CLASS_CHANGED, classCode, TechniqueClassChanged.VERSION, data));
    }

    public static Item item(String code, String nameZh) {
        return new Item(code, nameZh, null, false, false, "test");
    }

    public static Item retired(String code, String nameZh) {
        return new Item(code, nameZh, null, true, false, "test");
    }

    TechniqueCheck check(String division, List<String> codes) {
        return run(() -> directory.check(division, codes));
    }

    static <T> T run(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** The projection is eventually consistent: poll until it shows what was published. */
    TechniqueCheck eventually(String division, List<String> codes, Predicate<TechniqueCheck> until) {
        TechniqueCheck[] last = new TechniqueCheck[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = check(division, codes);
            return until.test(last[0]);
        });
        return last[0];
    }

    @Test
    void itemsOfTheNationalListAreCountedByClass() {
        publish("00", "ACUPUNCTURE", 1, "针刺类", item("ACUPUNCTURE_FILIFORM", "毫针"),
                item("ACUPUNCTURE_AURICULAR", "耳针"), item("ACUPUNCTURE_FU", "浮针"));
        publish("00", "MOXIBUSTION", 1, "灸类", item("MOXIBUSTION_SUSPENDED", "悬灸"),
                retired("MOXIBUSTION_WARM_NEEDLE", "温针灸"));

        // 毫针 and 耳针 (针刺类) and 悬灸 (灸类): 2 classes, 3 items, counted by hand.
        List<String> listed = List.of("ACUPUNCTURE_FILIFORM", " moxibustion_suspended", "ACUPUNCTURE_AURICULAR");
        TechniqueCheck ok = eventually(HEBEI, listed, c -> c.errors().isEmpty());
        assertThat(ok.classes()).isEqualTo(2);
        assertThat(ok.items()).isEqualTo(3);
        assertThat(ok.itemCodes()).containsExactly("ACUPUNCTURE_AURICULAR", "ACUPUNCTURE_FILIFORM",
                "MOXIBUSTION_SUSPENDED");

        TechniqueCheck bad = check(HEBEI, List.of("ACUPUNCTURE_FU", "MOXIBUSTION_WARM_NEEDLE", "GUESSED_ITEM",
                "acupuncture_fu"));
        assertThat(bad.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("techniqueItems[1]", "active-technique-item"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[2]", "known-technique-item"),
                org.assertj.core.groups.Tuple.tuple("techniqueItems[3]", "distinct"));
        assertThat(bad.errors().get(1).message()).contains("national list");
        assertThat(bad.classes()).isEqualTo(1);
        assertThat(bad.items()).isEqualTo(1);

        // Callable inside the caller's own transaction, as report validation does.
        TechniqueCheck inTx = run(() -> Panache.withTransaction(() -> directory.check(HEBEI, listed)));
        assertThat(inTx).isEqualTo(ok);
    }

    @Test
    void anOlderRevisionArrivingLateOrReplayedChangesNothing() {
        publish("00", "CUPPING", 1, "拔罐类", item("CUPPING_FLASH", "闪罐"), item("CUPPING_MOVING", "走罐"));
        publish("00", "CUPPING", 2, "拔罐类", item("CUPPING_FLASH", "闪罐"), retired("CUPPING_MOVING", "走罐"));
        eventually(HEBEI, List.of("CUPPING_MOVING"), c -> c.errors().stream()
                .anyMatch(e -> e.rule().equals("active-technique-item")));
        // Revision 1 again, as a replay from the start or a re-delivery would bring it; then a marker
        // class, so we know revision 1 has been consumed before asserting.
        publish("00", "CUPPING", 1, "拔罐类", item("CUPPING_FLASH", "闪罐"), item("CUPPING_MOVING", "走罐"));
        publish("00", "MARKER_AFTER_REPLAY", 1, "其他类", item("MARKER_AFTER_REPLAY_1", "标记"));
        eventually(HEBEI, List.of("MARKER_AFTER_REPLAY_1"), c -> c.errors().isEmpty());
        assertThat(check(HEBEI, List.of("CUPPING_MOVING")).errors()).extracting(FieldError::rule)
                .containsExactly("active-technique-item");
        assertThat(check(HEBEI, List.of("CUPPING_FLASH")).items()).isEqualTo(1);
    }

    @Test
    void aProvinceThatUploadedItsOwnListIsCheckedAgainstItOthersAgainstTheNationalList() {
        publish("00", "TUINA", 1, "推拿类", item("TUINA_PAEDIATRIC", "小儿推拿"));
        publish("45", "ACUPUNCTURE", 1, "针刺类", item("GX_ZC_01", "毫针刺法"), item("ACUPUNCTURE_FILIFORM", "毫针"));
        publish("45", "TUINA", 1, "推拿类", item("GX_TN_01", "壮医经筋推拿"));

        TechniqueCheck gx = eventually(RONGXIAN, List.of("GX_ZC_01", "GX_TN_01", "ACUPUNCTURE_FILIFORM"),
                c -> c.errors().isEmpty());
        assertThat(gx.classes()).isEqualTo(2);
        assertThat(gx.items()).isEqualTo(3);
        // Guangxi's list replaces the national one for Guangxi's divisions: 小儿推拿 is not on it.
        TechniqueCheck national = check(RONGXIAN, List.of("TUINA_PAEDIATRIC"));
        assertThat(national.errors()).extracting(FieldError::rule).containsExactly("known-technique-item");
        assertThat(national.errors().get(0).message()).contains("official list of province 45");
        // Everyone else keeps the national list.
        assertThat(check(HEBEI, List.of("GX_ZC_01")).errors()).extracting(FieldError::rule)
                .containsExactly("known-technique-item");
        assertThat(eventually(HEBEI, List.of("TUINA_PAEDIATRIC"), c -> c.errors().isEmpty()).classes()).isEqualTo(1);
    }

    @Test
    void oneCheckIsOneQuery() {
        publish("00", "GUA_SHA", 1, "刮痧类", item("GUA_SHA_SCRAPING", "刮痧"), item("GUA_SHA_PINCHING", "撮痧"),
                item("GUA_SHA_BIAN_STONE", "砭石"));
        List<String> twelve = List.of("GUA_SHA_SCRAPING", "GUA_SHA_PINCHING", "GUA_SHA_BIAN_STONE", "A1", "A2", "A3",
                "A4", "A5", "A6", "A7", "A8", "A9");
        eventually(HEBEI, twelve, c -> c.items() == 3);
        int n = 300;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            check(i % 2 == 0 ? HEBEI : RONGXIAN, twelve);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        Log.infof("one technique check of 12 codes, each in its own session: %.0f µs on average over %d", micros, n);
        assertThat(micros).isLessThan(100_000);

        // As report validation calls it: inside the caller's transaction, one check after another.
        long inTx = System.nanoTime();
        Integer found = run(() -> Panache.withTransaction(() -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (int i = 0; i < n; i++) {
                chain = chain.flatMap(sum -> directory.check(HEBEI, twelve).map(c -> sum + c.items()));
            }
            return chain;
        }));
        double inTxMicros = (System.nanoTime() - inTx) / 1000.0 / n;
        Log.infof("one technique check of 12 codes inside the caller's transaction: %.0f µs on average over %d",
                inTxMicros, n);
        assertThat(found).isEqualTo(3 * n);
    }
}
