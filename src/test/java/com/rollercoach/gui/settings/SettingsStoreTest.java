package com.rollercoach.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.DataFolder;
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
    assertTrue(s.sound());
    assertNull(s.patient());
    assertNull(store.loadProblem());
  }

  @Test
  void savedSettingsComeBackFromTheDataFoldersSettingsFile() throws Exception {
    SettingsStore store = new SettingsStore(DataFolder.resolve(home));
    UserSettings s = new UserSettings(12.5, false, true, true, true, "Ann");
    store.save(s);
    assertEquals(DataFolder.resolve(home).settingsFile(), store.file());
    assertTrue(Files.exists(home.resolve("settings.json")));
    assertEquals(s, new SettingsStore(home).load());
  }

  /** Targets and the data folder left the settings: an old file still loads, keeping what it can. */
  @Test
  void anOldFileWithTargetsAndADataFolderStillLoads() throws Exception {
    Files.writeString(home.resolve("settings.json"), """
        {"rollerDiameterCm": 12.0, "targets": {"rollsMin": 8, "rollsMax": 15}, "sound": false,
         "speech": false, "largeText": true, "dataDir": "/somewhere/else", "metronome": false, "patient": "Bo"}
        """);
    SettingsStore store = new SettingsStore(home);
    assertEquals(new UserSettings(12.0, false, false, true, false, "Bo"), store.load());
    assertNull(store.loadProblem());
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
    UserSettings bad = new UserSettings(400, true, false, false, false, null);
    assertTrue(bad.problem().startsWith("roller diameter 400.0 cm is not plausible"), bad.problem());
    assertThrows(IllegalArgumentException.class, () -> store.save(bad));
    Files.writeString(home.resolve("settings.json"), new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(bad));
    assertEquals(store.defaults(), store.load());
    assertTrue(store.loadProblem().contains("roller diameter"), store.loadProblem());
  }
}
