package com.rollercoach.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir Path home;

  @Test
  void missingFileGivesDefaults() {
    SettingsStore store = new SettingsStore(home);
    UserSettings s = store.load();
    assertEquals(15.0, s.rollerDiameterCm());
    assertEquals(CoachingTargets.defaults(), s.targets());
    assertEquals(home.toString(), s.dataDir());
    assertNull(store.loadProblem());
  }

  @Test
  void savedSettingsComeBack() throws Exception {
    SettingsStore store = new SettingsStore(home);
    UserSettings s = new UserSettings(12.5, new CoachingTargets(8, 15, 2.0, 5.0, 45, 90, 75, 4),
        false, true, true, home.resolve("data").toString());
    store.save(s);
    assertEquals(s, new SettingsStore(home).load());
  }

  @Test
  void aDamagedFileFallsBackToDefaultsWithAReasonAndIsKept() throws Exception {
    Files.writeString(home.resolve("settings.json"), "{\"rollerDiameterCm\": \"big\"");
    SettingsStore store = new SettingsStore(home);
    assertEquals(store.defaults(), store.load());
    assertTrue(store.loadProblem().startsWith(home.resolve("settings.json") + ": not valid settings"),
        store.loadProblem());
    assertTrue(Files.exists(home.resolve("settings.json")));
  }

  @Test
  void impossibleValuesAreRefusedOnLoadAndSave() throws Exception {
    SettingsStore store = new SettingsStore(home);
    UserSettings bad = new UserSettings(15, new CoachingTargets(20, 10, 2.5, 6, 60, 120, 60, 5),
        true, false, false, home.toString());
    assertEquals("rolls: the minimum must be at least 1 and not above the maximum", bad.problem());
    assertThrows(IllegalArgumentException.class, () -> store.save(bad));
    Files.writeString(home.resolve("settings.json"), new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(bad));
    assertEquals(store.defaults(), store.load());
    assertTrue(store.loadProblem().contains("rolls: the minimum"), store.loadProblem());
  }
}
