package com.rollercoach.sim.bench;

import com.rollercoach.sim.Condition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A named simulated setup of {@code bench accuracy}: the ordinary session, each {@link Condition} on
 * its own, or a mix drawn per session the way people combine them ({@link Condition#mix}).
 */
public record BenchSetup(String name, Set<Condition> conditions, boolean mixed) {
  public static final BenchSetup ORDINARY = new BenchSetup("ordinary", Set.of(), false);
  public static final BenchSetup MIXED = new BenchSetup("mixed", Set.of(), true);

  /** Every setup: ordinary, each condition alone, mixed. */
  public static List<BenchSetup> all() {
    List<BenchSetup> out = new ArrayList<>();
    out.add(ORDINARY);
    for (Condition c : Condition.values()) out.add(new BenchSetup(c.cliName(), EnumSet.of(c), false));
    out.add(MIXED);
    return out;
  }

  /**
   * Parses {@code all} or a comma-separated list of setup names; a name may join conditions with
   * {@code +} (e.g. {@code breathers+slow-breathing}) to run them together in every session.
   */
  public static List<BenchSetup> parse(String list) {
    if (list.trim().equalsIgnoreCase("all")) return all();
    List<BenchSetup> out = new ArrayList<>();
    for (String n : list.split(",")) {
      String name = n.trim().toLowerCase(Locale.ROOT);
      BenchSetup found = named(name);
      if (found == null && name.contains("+")) found = joined(name);
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown setup '" + n.trim() + "' (all, or conditions joined with +, or some of: "
                + String.join(", ", all().stream().map(BenchSetup::name).toList()) + ")");
      }
      out.add(found);
    }
    return out;
  }

  /** The setup of {@link #all} with this name, or null. */
  private static BenchSetup named(String name) {
    return all().stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
  }

  /**
   * Conditions joined with {@code +}, each named as its own setup; null when a part is not a single
   * condition's setup (ordinary and mixed are not).
   */
  private static BenchSetup joined(String name) {
    Set<Condition> conditions = EnumSet.noneOf(Condition.class);
    for (String part : name.split("\\+")) {
      BenchSetup one = named(part.trim());
      if (one == null || one.conditions.size() != 1) return null;
      conditions.addAll(one.conditions);
    }
    return new BenchSetup(name, conditions, false);
  }

  /** The conditions of the session with this seed (a mix is drawn from the seed). */
  public Set<Condition> conditionsFor(long seed) {
    return mixed ? Condition.mix(new SplittableRandom(seed ^ 0x6D1C5EEDL)) : conditions;
  }
}
