package org.tcmeval.catalog.mapping;

import java.util.List;
import org.tcmeval.events.Json;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.targets.Target;

/**
 * The JSON stored in jsonb columns: a revision's targets as {@link TargetSpec}s and a technique
 * class as {@link TechniqueClassChanged} — the same form the events carry, so what is stored is
 * what is published.
 */
public final class TargetJson {

    /** The jsonb value of a revision; an object, because the reactive driver reads a JSON column as an object. */
    record Stored(List<TargetSpec> targets) {
    }

    private TargetJson() {
    }

    public static String write(List<Target> targets) {
        return json(new Stored(targets.stream().map(TargetSpec::of).toList()));
    }

    public static List<TargetSpec> specs(String json) {
        return Json.read(json, Stored.class).targets();
    }

    /** Stored targets back as libs/targets objects; they were valid when stored, so this does not fail. */
    public static List<Target> targets(String json) {
        return specs(json).stream().map(TargetSpec::toTarget).toList();
    }

    public static String writeTechnique(TechniqueClassChanged technique) {
        return json(technique);
    }

    public static TechniqueClassChanged technique(String json) {
        return Json.read(json, TechniqueClassChanged.class);
    }

    private static String json(Object value) {
        return Json.write(value);
    }
}
