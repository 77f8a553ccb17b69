package com.rollercoach.sim;

import java.util.Locale;

/**
 * Kinds of people the simulator plays, each a distribution over {@link Person} traits. The mix of
 * archetypes spans what the accuracy benchmark must cover: slow and fast, short and long strokes,
 * pauses, rocking on a tender spot, two sets, no hold.
 */
public enum Archetype {
  /** Follows the protocol: 10–20 rolls at about 2.5 cm/s, a dwell or two, a ~60 s hold. */
  TYPICAL,
  /** Very slow strokes (1.5–2.2 cm/s), some with stops inside. */
  SLOW,
  /** Hurried strokes (5–9 cm/s), short dwells. */
  FAST,
  /** Short strokes of 6–10 cm. */
  SHORT_STROKES,
  /** Long strokes of 20–30 cm, range creeping outward. */
  LONG_STROKES,
  /** Stops often at turning points and mid-stroke. */
  PAUSER,
  /** Holds tender spots long and rocks gently over them. */
  TENDER_ROCKER,
  /** Two sets with a break off the roller in between. */
  TWO_SETS,
  /** Rolls, then gets off without an extension hold. */
  NO_HOLD;

  /** Parses a profile name as given on the command line ({@code two-sets}, {@code TWO_SETS}). */
  public static Archetype parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
