package com.rollercoach.gui.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rollercoach.io.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps {@link UserSettings} in {@code settings.json} of the one data folder ({@link DataFolder}: {@code
 * gui --data-dir DIR}, else {@code ~/.roller-coach}, or the {@code roller-coach.home} system property,
 * which tests use), resolved once by the caller and handed in. A missing
 * file gives the defaults; an unreadable or invalid one gives the defaults and a one-line reason, and
 * is left in place untouched until the user saves.
 */
public final class SettingsStore {
  public static final String HOME_PROPERTY = DataFolder.HOME_PROPERTY;

  private final DataFolder data;
  private final Path file;
  private final Path home;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private String loadProblem;

  public SettingsStore(DataFolder data) {
    this.data = data;
    this.home = data.root();
    this.file = data.settingsFile();
  }

  /** The store of the data folder {@code home}. */
  public SettingsStore(Path home) {
    this(new DataFolder(home));
  }

  /** The data folder these settings belong to: the window uses it for everything else too. */
  public DataFolder data() {
    return data;
  }

  public Path file() {
    return file;
  }

  public UserSettings defaults() {
    return UserSettings.defaults();
  }

  public UserSettings load() {
    loadProblem = null;
    if (!Files.exists(file)) {
      return defaults();
    }
    try {
      UserSettings s = json.readValue(file.toFile(), UserSettings.class);
      String why = s.problem();
      if (why != null) {
        loadProblem = file + ": " + why + "; using defaults";
        return defaults();
      }
      return s;
    } catch (JacksonException e) {
      loadProblem = file + ": not valid settings (" + e.getOriginalMessage() + "); using defaults";
      return defaults();
    } catch (IOException e) {
      loadProblem = file + ": cannot read (" + e.getMessage() + "); using defaults";
      return defaults();
    }
  }

  /** Why the last {@link #load} fell back to the defaults, or null. */
  public String loadProblem() {
    return loadProblem;
  }

  /** Writes atomically (temp file + rename), so a crash never leaves half a settings file. */
  public void save(UserSettings s) throws IOException {
    String why = s.problem();
    if (why != null) {
      throw new IllegalArgumentException(why);
    }
    Files.createDirectories(home);
    Path tmp = Files.createTempFile(home, "settings", ".tmp");
    try {
      json.writeValue(tmp.toFile(), s);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
