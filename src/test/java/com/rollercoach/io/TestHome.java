package com.rollercoach.io;

import java.nio.file.Path;

/**
 * Points a test's default data folder at a temporary "home" through the data folder's own property.
 * Tests must not move {@code user.home} for this: the default follows {@code $HOME} first, which a
 * test cannot change, so a moved {@code user.home} would leave the test writing to the real home.
 */
public final class TestHome {
  private TestHome() {}

  /** The current setting, to hand back to {@link #restore}. */
  public static String current() {
    return System.getProperty(DataFolder.HOME_PROPERTY);
  }

  /** The default data folder becomes {@code home/.roller-coach}, as if {@code home} were "~". */
  public static void set(String home) {
    System.setProperty(DataFolder.HOME_PROPERTY, Path.of(home, ".roller-coach").toString());
  }

  public static void restore(String old) {
    if (old == null) System.clearProperty(DataFolder.HOME_PROPERTY);
    else System.setProperty(DataFolder.HOME_PROPERTY, old);
  }
}
