package com.rollercoach.io;

import java.nio.file.Path;

/**
 * The one data folder of Roller Coach: settings, the session library, device calibrations and
 * device profiles all live in it. Resolved once — {@code --data-dir} (or the window's setting), else
 * the {@code roller-coach.home} system property (tests), else {@code ~/.roller-coach} with "~" the
 * {@code $HOME} the user set — and passed
 * down; nothing below looks at the home folder by itself.
 */
public record DataFolder(Path root) {
  public static final String HOME_PROPERTY = "roller-coach.home";

  /** {@code override} when given, else the property, else {@code ~/.roller-coach}. */
  public static DataFolder resolve(Path override) {
    if (override != null) return new DataFolder(override);
    return new DataFolder(defaultRoot());
  }

  /**
   * The default root: the {@code roller-coach.home} property, else {@code $HOME/.roller-coach}, else
   * {@code user.home}'s. {@code $HOME} first because that is what "~" means to whoever typed
   * {@code HOME=/tmp/x roller-coach …} (and to CI); on Linux the JVM's {@code user.home} comes from the
   * password file and ignores it. Tests never move {@code user.home}: they set the property (TestHome).
   */
  public static Path defaultRoot() {
    return defaultRoot(System.getProperty(HOME_PROPERTY), System.getenv("HOME"), System.getProperty("user.home"));
  }

  static Path defaultRoot(String property, String homeEnv, String userHome) {
    if (property != null && !property.isBlank()) return Path.of(property);
    String home = homeEnv != null && !homeEnv.isBlank() ? homeEnv : userHome;
    return Path.of(home, ".roller-coach");
  }

  public Path sessions() {
    return root.resolve("sessions");
  }

  public Path calibrationDir() {
    return root.resolve("calibration");
  }

  public Path profiles() {
    return root.resolve("profiles");
  }

  public Path settingsFile() {
    return root.resolve("settings.json");
  }
}
