/**
 * The evaluation engine (评价引擎): plain Java, no framework, no database.
 *
 * <p>How the service drives it, incrementally:
 * <ol>
 *   <li>When a unit's report arrives or changes, for each indicator in
 *       {@link org.tcmeval.engine.Engine#applicableIndicators(org.tcmeval.targets.InstitutionType)} and each
 *       division {@code d} it rolls into (county, city, province; only its own division when
 *       {@link org.tcmeval.engine.Contribution#rollsUp()} is false): resolve the target in force at
 *       {@code d} ({@link org.tcmeval.engine.TargetInForce#resolve}), take
 *       {@link org.tcmeval.engine.Engine#unitFilter} of it, compute the new
 *       {@link org.tcmeval.engine.Engine#contribution}, and apply {@code minus(old).plus(new)} to the sums
 *       kept under (d, indicator, year, filter key). Keep the old contribution per (unit, indicator, year,
 *       filter key) so it can be taken back exactly.</li>
 *   <li>Judge the touched divisions with {@link org.tcmeval.engine.Engine#judge}, passing the division's
 *       own figures (a county's report, a jurisdiction's report) and, if known, the registry's count of
 *       units expected.</li>
 * </ol>
 * Percentages are computed only when judging, by cross-multiplication on the sums; nothing is averaged.
 */
package org.tcmeval.engine;
