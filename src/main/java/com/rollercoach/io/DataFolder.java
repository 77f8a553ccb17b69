package com.rollercoach.io;

import java.nio.file.Path;

/**
 * The one data folder of Roller Coach: settings, the session library, device calibrations and
 * device profiles all live in it. Resolved once — {@code --data-dir} (or the window's setting), else
 * the {@code roller-coach.home} system property (tests), else {@code ~/.roller-coach} — and passed
 * down; nothing below looks at the home folder by itself.
 */
public record DataFolder(Path root) {
  public static final String HOME_PROPERTY = "roller-coach.home";

  /** {@code override} when given, else the property, else {@code ~/.roller-coach}. */
  public static DataFolder resolve(Path override) {
    if (override != null) return new DataFolder(override);
    return new DataFolder(defaultRoot());
  }

  /** The default root: the {@code roller-coach.home} property, else {@code ~/.roller-coach}. */
  public static Path defaultRoot() {
    String p = System.getProperty(HOME_PROPERTY);
    return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".roller-coach");
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
